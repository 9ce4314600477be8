using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// Who you are is checked before what you sent: every protected operation, found in the server's own endpoint
/// table, answers a stranger 401 and (admin operations) a signed-in non-admin 403, however malformed the route
/// values, query and body are. A 400 first would tell strangers the shape of the input.
/// </summary>
public sealed partial class AuthorizationBeforeInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_protected_operation_answers_a_stranger_401_whatever_the_input()
    {
        var protectedOperations = ProtectedOperations().ToList();
        Assert.Contains(protectedOperations, o => o.Method == "POST" && o.Route == "/api/posts");
        Assert.Contains(protectedOperations, o => o.Method == "POST" && o.Route == "/api/admin/broadcast");

        var stranger = api.CreateHttpClient();
        var wrong = new List<string>();
        foreach (var operation in protectedOperations)
        {
            using var response = await stranger.SendAsync(MalformedRequest(operation));
            if (response.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{operation}: {(int)response.StatusCode}");
        }

        Assert.True(wrong.Count == 0, "Not 401 for a stranger: " + string.Join(", ", wrong));
    }

    [Fact]
    public async Task Every_admin_operation_answers_a_signed_in_non_admin_403_whatever_the_input()
    {
        var adminOperations = ProtectedOperations().Where(o => o.AdminOnly).ToList();
        Assert.Contains(adminOperations, o => o.Method == "POST" && o.Route == "/api/admin/broadcast");

        var user = await TestUser.CreateAsync(api);
        var wrong = new List<string>();
        foreach (var operation in adminOperations)
        {
            using var response = await user.Client.SendAsync(MalformedRequest(operation));
            if (response.StatusCode != HttpStatusCode.Forbidden) wrong.Add($"{operation}: {(int)response.StatusCode}");
        }

        Assert.True(wrong.Count == 0, "Not 403 for a non-admin: " + string.Join(", ", wrong));
    }

    private sealed record Operation(string Method, string Route, bool AdminOnly)
    {
        public override string ToString() => $"{Method} {Route}";
    }

    /// <summary>The API operations whose endpoint carries an authorization requirement.</summary>
    private IEnumerable<Operation> ProtectedOperations() =>
        from endpoint in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let route = "/" + endpoint.RoutePattern.RawText!.Trim('/')
        where route.StartsWith("/api/", StringComparison.Ordinal)
        let authorization = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
        where authorization.Count > 0 && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
        select new Operation(method, route, authorization.Any(a => a.Policy == EndpointConventions.AdminPolicy));

    /// <summary>Every route value unparsable, a nonsensical query and a broken body of a type no endpoint reads.</summary>
    private static HttpRequestMessage MalformedRequest(Operation operation) =>
        new(new HttpMethod(operation.Method), RouteValue().Replace(operation.Route, "not-a-number!") + "?limit=many&cursor=%00&unreadOnly=perhaps")
        {
            Content = new StringContent("{\"text\": ", Encoding.UTF8, "text/plain"),
        };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
