using System.Text;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// The operationId of an endpoint is its name (<c>.WithName("createPost")</c>). An endpoint without one still gets
/// a unique id made of its method and route (<c>GET /api/admin/jobs/overview</c> -> <c>getAdminJobsOverview</c>),
/// so no generated client is left without a method name.
/// </summary>
public static class OperationIds
{
    public static string Of(ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName
        ?? FromRoute(description.HttpMethod ?? "get", description.RelativePath ?? "");

    private static string FromRoute(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api"))
        {
            var word = segment.Trim('{', '}');
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                id.Append(char.ToUpperInvariant(part[0])).Append(part[1..]);
        }
        return id.ToString();
    }
}
