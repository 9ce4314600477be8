using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Deployment;

/// <summary>
/// deploy/nginx/cleanbackend.conf in front of two test hub nodes: REST, WebSocket hubs, and the body size limit. The
/// same config in front of two real CleanBackend processes: tests/MultiNode.Tests (NginxInFrontOfNodesTests).
/// </summary>
public sealed class NginxInFrontOfTestNodesTests(TwoNodeDeployment nodes) : IClassFixture<TwoNodeDeployment>, IAsyncLifetime
{
    private readonly NginxProcess _nginx = new();

    public Task InitializeAsync() => _nginx.StartAsync([nodes.Node1.Address!, nodes.Node2.Address!]);

    [Fact]
    public async Task REST_requests_reach_the_nodes_through_nginx()
    {
        using var http = new HttpClient { BaseAddress = _nginx.Address };

        for (var request = 0; request < 4; request++)
        {
            using var response = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Hub_clients_connect_over_WebSockets_through_nginx_and_get_messages_from_either_node()
    {
        await using var first = await BackplaneTestHubClients.ConnectAsync(_nginx.Address, user: "nina");
        await using var second = await BackplaneTestHubClients.ConnectAsync(_nginx.Address, user: "nina");

        await nodes.Node1.Hub.Clients.User("nina").SendAsync("message", "through nginx");
        Assert.Equal("through nginx", (await first.NextAsync("message")).GetString());
        Assert.Equal("through nginx", (await second.NextAsync("message")).GetString());

        await nodes.Node2.Hub.Clients.All.SendAsync("message", "from node 2");
        Assert.Equal("from node 2", (await first.NextAsync("message")).GetString());
        Assert.Equal("from node 2", (await second.NextAsync("message")).GetString());
    }

    [Fact]
    public async Task A_body_over_4_MB_is_refused_by_nginx_with_a_JSON_problem()
    {
        using var response = await PostAsync("/api/posts", FourMiB + 1);

        await AssertRefusedByNginxAsync(response);
    }

    [Fact]
    public async Task A_media_upload_may_exceed_4_MB_by_the_multipart_framing_allowance_only()
    {
        // The test nodes have no upload endpoint: their 404 (not nginx's 413) shows the body got through.
        using (var maxImage = await PostAsync("/api/media", FourMiB + 60 * 1024))
            Assert.Equal(HttpStatusCode.NotFound, maxImage.StatusCode);

        using var tooBig = await PostAsync("/api/media", FourMiB + 64 * 1024 + 1);
        await AssertRefusedByNginxAsync(tooBig);
    }

    private const int FourMiB = 4 * 1024 * 1024;

    private async Task<HttpResponseMessage> PostAsync(string path, int bytes)
    {
        using var http = new HttpClient { BaseAddress = _nginx.Address };
        using var body = new ByteArrayContent(new byte[bytes]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return await http.PostAsync(path, body);
    }

    private static async Task AssertRefusedByNginxAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("Content Too Large", problem.GetProperty("title").GetString());
    }

    public Task DisposeAsync() => _nginx.DisposeAsync().AsTask();
}
