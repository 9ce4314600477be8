using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// Every operation that reads a body can answer 413 (over the body limit) and 415 (a content type it does not read):
/// both come from the framework before the endpoint runs, so they are documented here once for all of them.
/// </summary>
public sealed class BodyLimitResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is null) return;
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        Add(operation.Responses, "413", "The request body is larger than this operation accepts.", problem);
        Add(operation.Responses, "415", "The request body's content type is not one this operation reads.", problem);
    }

    private static void Add(OpenApiResponses responses, string status, string description, IOpenApiSchema problem)
    {
        if (responses.ContainsKey(status)) return;
        responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
        };
    }
}
