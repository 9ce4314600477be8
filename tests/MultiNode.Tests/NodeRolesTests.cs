using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;

namespace CleanBackend.MultiNode.Tests;

/// <summary>What each Node:Roles makes a node serve, and what it refuses.</summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class NodeRolesTests(ThreeNodeCluster cluster)
{
    [Theory]
    [InlineData("GET", "/api/rooms")]
    [InlineData("POST", "/api/auth/login")]
    [InlineData("POST", "/hubs/realtime/negotiate")]
    [InlineData("GET", "/swagger/index.html")]
    [InlineData("GET", "/swagger/v1/swagger.json")]
    [InlineData("GET", "/")]
    public async Task A_jobs_only_node_serves_nothing_but_its_health_endpoints(string method, string path)
    {
        using var jobsNode = cluster.Node(3).CreateHttpClient();

        using var response = await jobsNode.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_jobs_only_node_reports_live_and_ready()
    {
        using var jobsNode = cluster.Node(3).CreateHttpClient();

        using var live = await jobsNode.GetAsync("/health/live");
        var ready = await jobsNode.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("redis-backplane").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_api_node_serves_REST_the_hub_and_Swagger()
    {
        using var apiNode = cluster.Node(1).CreateHttpClient();

        using var swagger = await apiNode.GetAsync("/swagger/v1/swagger.json");
        using var rooms = await apiNode.GetAsync("/api/rooms");
        using var negotiate = await apiNode.PostAsync("/hubs/realtime/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rooms.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Theory]
    [InlineData("api,worker", "'worker'")]
    [InlineData("", "is empty")]
    public async Task A_node_given_an_unknown_or_no_role_refuses_to_start_saying_why(string roles, string expected)
    {
        // No database or Redis needed: the roles are checked before anything else.
        await using var node = AppNodeProcess.Start(9, roles, new Dictionary<string, string>());

        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.True(node.HasLogged("Node:Roles") && node.HasLogged(expected), $"Expected a clear Node:Roles error mentioning {expected}. Output:\n{node.Output}");
    }
}
