using Microsoft.OpenApi;

namespace CleanBackend.WebApi.Setup;

public static class SwaggerSetup
{
    private const string Bearer = "Bearer";

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
            });
            o.AddSecurityDefinition(Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(Bearer, document)] = [],
            });
            o.MapType<long>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "int64", Pattern = "^[0-9]+$" });
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(t => t.FullName!.Replace("CleanBackend.", "").Replace('+', '.'));
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
