using System.Text.Json.Nodes;
using CleanBackend.WebApi.OpenApi;
using Microsoft.OpenApi;

namespace CleanBackend.WebApi.Setup;

public static class SwaggerSetup
{
    /// <summary>A snowflake id as the API writes it, for the examples: 64-bit, so a JSON string.</summary>
    public const string ExampleId = "7402836175243026432";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddEndpointsApiExplorer().AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CleanBackend API",
                Version = "v1",
                Description = "REST API of CleanBackend. Ids are 64-bit and written as strings. Errors are RFC 9457 " +
                    "ProblemDetails. Lists are cursor-paged (`?cursor=&limit=`, response `{ items, nextCursor }`). " +
                    "Realtime events come over the SignalR hub at `/hubs/realtime`: see docs/realtime.md in the repository.",
                License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") },
            });
            o.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document" });
            o.AddSecurityDefinition(SecurityRequirements.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            });
            o.MapType<long>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "int64", Pattern = "^[0-9]+$", Examples = [JsonValue.Create(ExampleId)],
            });
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(SchemaNames.Of);
            o.CustomOperationIds(OperationIds.Of);
            o.OperationFilter<SecurityRequirements>();
            o.OperationFilter<BodyLimitResponses>();
            o.OperationFilter<PagingParameters>();
            o.SchemaFilter<ValidationRulesSchemaFilter>();
            o.SchemaFilter<RequiredAndAdditionalProperties>();
            o.SchemaFilter<NullableReferences>();
            o.DocumentFilter<TagDescriptions>();
        });

    /// <summary>
    /// The OpenAPI document and Swagger UI under /swagger. Branched on the path: otherwise both middlewares match
    /// every API request against their routes (and the document's resolves its provider each time) for nothing.
    /// </summary>
    public static IApplicationBuilder UseApiDocs(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), docs =>
        {
            docs.UseSwagger();
            docs.UseSwaggerUI();
        });
}
