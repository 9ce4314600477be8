using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.TestSupport.Load;

/// <summary>
/// The REST mix of the fault and soak runs, at a steady rate (open loop: a request is started every 1/rate seconds
/// whatever the previous ones do, so a slow server shows as latency, not as a lower rate): feed reads, posts, likes,
/// follows, notification reads and new registrations, by a population of users who follow each other. It remembers
/// every follow and like that succeeded, the notifications the API owes their recipients.
/// </summary>
public sealed class SocialLoad : IDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _servers;
    private readonly List<TestUser> _users;
    private int _sent;
    private readonly List<(long Id, long AuthorId)> _posts = [];
    private readonly ConcurrentDictionary<(long Recipient, string Type, long Actor, long? Post), byte> _owed = new();

    private SocialLoad(HttpClient http, IReadOnlyList<Uri> servers, List<TestUser> users)
    {
        _http = http;
        _servers = servers;
        _users = users;
    }

    public LoadResults Results { get; } = new();

    public IReadOnlyList<TestUser> Users => _users;

    /// <summary>Follow and like notifications the load caused: recipient, type, actor and post.</summary>
    public IReadOnlyCollection<(long Recipient, string Type, long Actor, long? Post)> OwedNotifications => [.. _owed.Keys];

    /// <summary>
    /// Registers <paramref name="userCount"/> users; each publishes one post. Requests go to the
    /// <paramref name="servers"/> in turn (nginx, or the nodes themselves).
    /// </summary>
    public static async Task<SocialLoad> PrepareAsync(IReadOnlyList<Uri> servers, int userCount)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
        var users = new List<TestUser>();
        foreach (var chunk in Enumerable.Range(0, userCount).Chunk(16))
            users.AddRange(await Task.WhenAll(chunk.Select((_, i) => TestUser.CreateAsync(servers[i % servers.Count], TestUser.UniqueName("load")))));
        var load = new SocialLoad(http, servers, users);
        foreach (var user in users) await load.PostAsync(user);
        return load;
    }

    /// <summary>
    /// The capacity of the servers behind this load for its mix: requests per second completed by
    /// <paramref name="concurrency"/> clients sending back to back (closed loop) for <paramref name="duration"/>.
    /// These requests count in <see cref="Results"/> like the others.
    /// </summary>
    public async Task<double> MeasureCapacityAsync(TimeSpan duration, int concurrency = 32)
    {
        var started = Results.Elapsed;
        var until = started + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Results.Elapsed < until) await OneRequestAsync(Random.Shared.Next(100));
        }));
        return Results.Between(started, until).Count / (Results.Elapsed - started).TotalSeconds;
    }

    /// <summary>Sends requests at <paramref name="perSecond"/> until <paramref name="stop"/>; returns once the last one ended.</summary>
    public async Task RunAsync(double perSecond, CancellationToken stop)
    {
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var next = Results.Elapsed;
        while (!stop.IsCancellationRequested)
        {
            running.Add(OneRequestAsync(Random.Shared.Next(100)));
            running.RemoveAll(t => t.IsCompleted);
            next += interval;
            var wait = next - Results.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); } catch (OperationCanceledException) { }
            }
        }
        await Task.WhenAll(running);
    }

    private Task OneRequestAsync(int dice)
    {
        var user = _users[Random.Shared.Next(_users.Count)];
        return dice switch
        {
            < 40 => SendAsync("feed", user, HttpMethod.Get, "/api/feed?limit=20"),
            < 55 => PostAsync(user),
            < 70 => LikeAsync(user),
            < 82 => FollowAsync(user),
            < 95 => SendAsync("notifications", user, HttpMethod.Get, "/api/notifications?limit=20"),
            _ => RegisterAsync(),
        };
    }

    private async Task PostAsync(TestUser user)
    {
        var body = await SendAsync("post", user, HttpMethod.Post, "/api/posts", new { text = $"load post by {user.UserName} at {Results.Elapsed.TotalSeconds:0.000}" });
        if (body is not { } post) return;
        lock (_posts) _posts.Add((long.Parse(post.GetProperty("id").GetString()!), user.Id));
    }

    /// <summary>Likes one of the latest posts, so that likes of one post meet now and then.</summary>
    private async Task LikeAsync(TestUser user)
    {
        (long Id, long AuthorId) post;
        lock (_posts) post = _posts[^(1 + Random.Shared.Next(Math.Min(_posts.Count, 200)))];
        if (await SendAsync("like", user, HttpMethod.Put, $"/api/posts/{post.Id}/like") is not null && post.AuthorId != user.Id)
            _owed.TryAdd((post.AuthorId, "like", user.Id, post.Id), 0);
    }

    private async Task FollowAsync(TestUser user)
    {
        var followee = _users[Random.Shared.Next(_users.Count)];
        if (followee.Id == user.Id) return;
        if (await SendAsync("follow", user, HttpMethod.Put, $"/api/users/{followee.UserName}/follow") is not null)
            _owed.TryAdd((followee.Id, "follow", user.Id, null), 0);
    }

    private Task RegisterAsync()
    {
        var name = TestUser.UniqueName("new");
        return SendAsync("register", null, HttpMethod.Post, "/api/auth/register",
            new { userName = name, email = $"{name}@example.test", password = TestUser.Password, displayName = name });
    }

    /// <summary>One request, recorded; the response body when it succeeded (an empty object for a body-less success).</summary>
    private async Task<JsonElement?> SendAsync(string operation, TestUser? user, HttpMethod method, string path, object? body = null)
    {
        var started = Results.Elapsed;
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(_servers[Interlocked.Increment(ref _sent) % _servers.Count], path));
            if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
            if (body is not null) request.Content = JsonContent.Create(body);
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var outcome = new RequestOutcome(started, operation, (int)response.StatusCode, watch.Elapsed, null,
                response.Content.Headers.ContentType?.MediaType == "application/problem+json");
            Results.Add(outcome);
            if (outcome.Failed || !response.IsSuccessStatusCode) return null;
            return text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Results.Add(new RequestOutcome(started, operation, 0, watch.Elapsed, ex.GetType().Name + ": " + ex.Message));
            return null;
        }
    }

    /// <summary>
    /// The REST catch-up of every recipient: the owed notifications that <c>GET /api/notifications</c> does not list
    /// (empty when none was lost).
    /// </summary>
    public async Task<List<(long Recipient, string Type, long Actor, long? Post)>> MissingNotificationsAsync()
    {
        var missing = new List<(long, string, long, long?)>();
        foreach (var recipient in OwedNotifications.GroupBy(n => n.Recipient))
        {
            var user = _users.Single(u => u.Id == recipient.Key);
            var listed = new HashSet<(string, long, long?)>();
            string? cursor = null;
            do
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_servers[0],
                    "/api/notifications?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
                using var response = await _http.SendAsync(request);
                await ApiAssert.StatusAsync(response, 200);
                var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                foreach (var n in page.GetProperty("items").EnumerateArray())
                    listed.Add((n.GetProperty("type").GetString()!, long.Parse(n.GetProperty("actor").GetProperty("id").GetString()!),
                        n.GetProperty("postId").ValueKind == JsonValueKind.Null ? null : long.Parse(n.GetProperty("postId").GetString()!)));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
            missing.AddRange(recipient.Where(n => !listed.Contains((n.Type, n.Actor, n.Post))));
        }
        return missing;
    }

    public void Dispose() => _http.Dispose();
}
