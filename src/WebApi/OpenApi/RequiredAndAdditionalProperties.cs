using MediatR;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// What the document says about properties that are missing or unknown, as the server behaves:
/// - what the server sends always has every property (null ones too: the JSON options never omit one) and nothing
///   else, so every property of a response schema is required and no other is allowed. Generated clients then type
///   them as present, not optional;
/// - what the server reads ignores unknown properties (System.Text.Json's default), so request schemas allow them;
///   which of their properties are required is left to the validators (<see cref="ValidationRulesSchemaFilter"/>).
/// </summary>
public sealed class RequiredAndAdditionalProperties : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target) return;
        if (IsRequest(context.Type))
        {
            target.AdditionalPropertiesAllowed = true;
            return;
        }
        if (context.Type.Namespace?.StartsWith("CleanBackend.", StringComparison.Ordinal) != true) return;
        target.Required = new HashSet<string>(target.Properties.Keys);
    }

    private static bool IsRequest(Type type) =>
        typeof(IBaseRequest).IsAssignableFrom(type) || type.IsDefined(typeof(ValidatedAsAttribute), false)
        || type == typeof(Endpoints.MediaUploadForm);
}
