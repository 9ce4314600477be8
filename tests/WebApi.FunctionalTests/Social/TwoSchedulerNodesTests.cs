using CleanBackend.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>One node of a deployment; the second node of a test uses the first one's database.</summary>
public sealed class SchedulerNodeFactory : ApiFactory
{
    private readonly PostgresDatabase? _shared;

    public SchedulerNodeFactory(int nodeId, PostgresDatabase? shared = null)
    {
        _shared = shared;
        Settings["Node:Id"] = nodeId.ToString();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_shared is not null) builder.UseSetting("ConnectionStrings:Database", _shared.ConnectionString);
    }
}

public sealed class TwoSchedulerNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SchedulerNodeFactory _first = new(nodeId: 1);
    private SchedulerNodeFactory? _second;

    private PostgresDatabase Database => _first.Database!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_first).InitializeAsync();
        // Started after the first node provisioned the schemas, as a rolling deployment would.
        _second = new SchedulerNodeFactory(nodeId: 2, _first.Database);
        await ((IAsyncLifetime)_second).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await ((IAsyncLifetime)_second).DisposeAsync();
        await ((IAsyncLifetime)_first).DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_on_one_database_deliver_every_post_exactly_once_into_every_feed()
    {
        var author = await TestUser.CreateAsync(_first);
        var authorOnSecond = OnNode(author, _second!);
        var followers = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            var follower = await TestUser.CreateAsync(i % 2 == 0 ? _first : _second!);
            await follower.FollowAsync(author);
            followers.Add(follower);
        }

        var posts = new List<long>();
        for (var i = 0; i < 10; i++) posts.Add(await (i % 2 == 0 ? author : authorOnSecond).PublishIdAsync($"from node {i % 2 + 1}"));

        var expected = Enumerable.Reverse(posts).ToList();
        foreach (var follower in followers) await follower.FeedEventuallyAsync(ids => ids.SequenceEqual(expected), "holds every post once, newest first");
        Assert.Equal((followers.Count + 1) * posts.Count, await Database.ScalarAsync<long>($"""SELECT COUNT(*) FROM "FeedEntries" WHERE "AuthorId" = {author.Id}"""));

        // The cluster ran each post's fan-out job once, to success, on one node or the other.
        await Eventually.UntilAsync(async () => await Database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM hangfire.job WHERE {HangfireTables.IsFanOut} AND statename = 'Succeeded'") == posts.Count, "every fan-out job succeeded");
        Assert.Equal(posts.Count, await Database.ScalarAsync<long>($"SELECT COUNT(DISTINCT arguments::text) FROM hangfire.job WHERE {HangfireTables.IsFanOut}"));
        Assert.Equal(posts.Count, await FanOutRunsAsync("%"));
        output.WriteLine($"fan-outs run by node-1: {await FanOutRunsAsync("node-1")}, by node-2: {await FanOutRunsAsync("node-2")}");
    }

    private Task<long> FanOutRunsAsync(string node) => Database.ScalarAsync<long>(HangfireTables.FanOutRunsOn(node));

    private static TestUser OnNode(TestUser user, ApiFactory node) => user with { Client = node.CreateHttpClient(user.AccessToken) };
}
