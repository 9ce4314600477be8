using MediatR;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// What the server sends always has every property (null ones too: the JSON options never omit a property), so
/// every property of a response schema is required. Generated clients then type them as present, not optional.
/// Request schemas are left to <see cref="ValidationRulesSchemaFilter"/>: there, only the validators decide.
/// </summary>
public sealed class ResponseSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target || IsRequest(context.Type)) return;
        if (context.Type.Namespace?.StartsWith("CleanBackend.", StringComparison.Ordinal) != true) return;
        target.Required = new HashSet<string>(target.Properties.Keys);
    }

    private static bool IsRequest(Type type) =>
        typeof(IBaseRequest).IsAssignableFrom(type) || type.IsDefined(typeof(ValidatedAsAttribute), false);
}
