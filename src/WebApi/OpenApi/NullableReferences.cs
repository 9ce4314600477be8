using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// A property typed as a nullable object (<c>JobLastRunDto? LastRun</c>) can be null, but OpenAPI 3.0 ignores every
/// keyword beside a <c>$ref</c>, so Swashbuckle's plain reference says "never null". Such a property becomes
/// <c>{ type: object, nullable: true, allOf: [ { $ref } ] }</c>, which generated clients read as <c>T | null</c>.
/// </summary>
public sealed class NullableReferences : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target) return;
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (target.Properties.TryGetValue(name, out var property) && property is OpenApiSchemaReference reference
                && IsNullable(member))
            {
                target.Properties[name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    AllOf = [reference],
                };
            }
        }
    }

    private bool IsNullable(PropertyInfo member)
    {
        lock (_nullability) return _nullability.Create(member).ReadState == NullabilityState.Nullable;
    }
}
