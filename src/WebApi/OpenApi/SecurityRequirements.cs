using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// Bearer only on the operations whose endpoint requires a signed-in caller (the same metadata the authorization
/// middleware enforces, so the document can't claim otherwise); every other operation says <c>security: []</c>.
/// </summary>
public sealed class SecurityRequirements : IOperationFilter
{
    public const string BearerScheme = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Security = RequiresUser(context.ApiDescription.ActionDescriptor.EndpointMetadata)
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }]
            : [];
    }

    public static bool RequiresUser(IList<object> endpointMetadata) =>
        endpointMetadata.OfType<IAuthorizeData>().Any() && !endpointMetadata.OfType<IAllowAnonymous>().Any();
}
