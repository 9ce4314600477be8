using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.MultiNode.Tests.Support;
using CleanBackend.TestSupport;

namespace CleanBackend.MultiNode.Tests;

/// <summary>
/// Debian's nginx with the repository's deploy/nginx config (only the listen port and node list filled in) in front
/// of the two api nodes of the cluster: what an operator gets by following deploy/README.md.
/// </summary>
[Collection(ThreeNodeCollection.Name)]
public sealed class NginxInFrontOfNodesTests(ThreeNodeCluster cluster) : IAsyncLifetime
{
    private const int FourMiB = 4 * 1024 * 1024;

    private readonly NginxProcess _nginx = new();

    public Task InitializeAsync() => _nginx.StartAsync([cluster.Node(1).Address, cluster.Node(2).Address]);

    [Fact]
    public async Task REST_works_through_nginx()
    {
        var user = await TestUser.CreateAsync(_nginx.Address);

        var postId = await user.PublishAsync("posted through nginx");
        var me = await user.GetJsonAsync("/api/users/me");
        var ready = await user.GetJsonAsync("/health/ready");

        Assert.Equal(user.UserName, me.GetProperty("userName").GetString());
        Assert.Equal("posted through nginx", (await user.GetJsonAsync($"/api/posts/{postId}")).GetProperty("text").GetString());
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Hub_clients_connect_over_WebSockets_through_nginx_and_talk_across_nodes()
    {
        var alice = await TestUser.CreateAsync(_nginx.Address);
        var bob = await TestUser.CreateAsync(_nginx.Address);
        var room = await alice.CreateRoomAsync();
        // nginx balances round robin; a connection made straight to a node guarantees both nodes take part.
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(_nginx.Address, alice.AccessToken);
        await using var bobHub = await RecordingHubConnection.ConnectAsync(_nginx.Address, bob.AccessToken);
        await using var bobOnNode2 = await bob.ConnectHubAsync(cluster.Node(2));
        await aliceHub.InvokeAsync("JoinRoom", room);
        await bobHub.InvokeAsync("JoinRoom", room);
        await bobOnNode2.InvokeAsync("JoinRoom", room);

        await aliceHub.InvokeAsync("SendMessage", room, "through nginx");

        Assert.Equal("through nginx", (await bobHub.NextAsync(RealtimeEvents.RoomMessage)).MessageText());
        Assert.Equal("through nginx", (await bobOnNode2.NextAsync(RealtimeEvents.RoomMessage)).MessageText());
    }

    [Fact]
    public async Task A_body_over_4_MB_is_refused_by_nginx_with_a_JSON_problem()
    {
        var user = await TestUser.CreateAsync(_nginx.Address);

        using var response = await PostBytesAsync(user, "/api/posts", FourMiB + 1);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("Content Too Large", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_media_upload_within_nginxs_allowance_reaches_the_API_which_answers_itself()
    {
        var user = await TestUser.CreateAsync(_nginx.Address);

        // Not multipart: the API's own 415 problem (with its traceId) shows nginx let the 4 MB + 60 KB body through.
        using var response = await PostBytesAsync(user, "/api/media", FourMiB + 60 * 1024);

        await ApiAssert.ProblemAsync(response, 415);
    }

    private static async Task<HttpResponseMessage> PostBytesAsync(TestUser user, string path, int bytes)
    {
        using var body = new ByteArrayContent(new byte[bytes]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await user.Client.PostAsync(path, body);
    }

    public Task DisposeAsync() => _nginx.DisposeAsync().AsTask();
}
