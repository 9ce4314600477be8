using System.Text;
using CleanBackend.TestSupport;

namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>
/// A deployment of CleanBackend node processes on loopback: its own PostgreSQL database, a Redis (the shared test
/// Redis under a channel prefix of its own, or one the subclass starts), one data folder shared like NFS would be.
/// Nodes are numbered from 1 (their Node:Id). Started once per test class (or collection).
/// </summary>
public abstract class NodeCluster : IAsyncLifetime
{
    /// <summary>Short, so dead nodes' presence and online users expire within seconds (3 beats).</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cleanbackend-multinode-").FullName;
    private readonly List<AppNodeProcess> _nodes = [];

    public string ChannelPrefix { get; } = "multinode-" + Guid.NewGuid().ToString("N")[..10];

    public PostgresDatabase Database { get; private set; } = null!;

    /// <summary>The roles of the nodes started with the cluster: node 1 first.</summary>
    protected abstract IReadOnlyList<string> InitialRoles { get; }

    protected virtual string RedisEndpoint => TestEnvironment.Redis;

    /// <summary>The PostgreSQL server the cluster's database lives on; the shared test server when null.</summary>
    protected virtual string? PostgresServer => null;

    public AppNodeProcess Node(int id) => _nodes.Single(n => n.Id == id);

    public IReadOnlyList<AppNodeProcess> Nodes => _nodes;

    public virtual async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync(PostgresServer);
        // All at once, as a systemd target starts them: migrations, the Hangfire schema and admin seeding must cope.
        await StartNodesAsync(InitialRoles.Select((roles, index) => (index + 1, roles)).ToArray());
    }

    /// <summary>Starts more nodes (e.g. one that joins late) and waits until they are ready.</summary>
    public async Task StartNodesAsync(params (int Id, string Roles)[] nodes)
    {
        var started = nodes.Select(n => AppNodeProcess.Start(n.Id, n.Roles, EnvironmentOf(n.Id))).ToList();
        _nodes.AddRange(started);
        await Task.WhenAll(started.Select(n => n.WaitUntilReadyAsync()));
    }

    /// <summary>
    /// A deploy of one node: SIGTERM (it drains and stops gracefully), then a new process on the same port with the same
    /// settings, ready when this returns. How long the old one took to exit.
    /// </summary>
    public async Task<TimeSpan> RestartNodeAsync(int id)
    {
        var old = Node(id);
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        var exitCode = await old.StopGracefullyAsync(TimeSpan.FromSeconds(45));
        var stopped = stopping.Elapsed;
        if (exitCode != 0) throw new InvalidOperationException($"{old} exited with code {exitCode} on SIGTERM.\n{old.Output}");
        await old.DisposeAsync();
        var started = AppNodeProcess.Start(id, old.Roles, EnvironmentOf(id), old.Address.Port);
        _nodes[_nodes.IndexOf(old)] = started;
        await started.WaitUntilReadyAsync();
        return stopped;
    }

    /// <summary>Settings every node gets; subclasses add their own.</summary>
    protected virtual Dictionary<string, string> EnvironmentOf(int nodeId) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Database"] = Database.ConnectionString,
        ["Realtime__Redis"] = RedisEndpoint,
        ["Realtime__ChannelPrefix"] = ChannelPrefix,
        ["Realtime__OnlineUsersHeartbeat"] = Heartbeat.ToString(),
        ["Auth__SigningKey"] = ApiFactory.TestSigningKey,
        ["Admin__UserName"] = ApiFactory.AdminUserName,
        ["Admin__Password"] = ApiFactory.AdminPassword,
        ["Storage__DataFolder"] = _dataFolder,
        ["RateLimiting__AuthPermitsPerMinute"] = "100000",
        // Several nodes and the test runner share 2 cores: workstation GC keeps each node's threads and memory small.
        ["DOTNET_gcServer"] = "0",
    };

    /// <summary>Each node's last console lines, for the test output: what the nodes saw when a test fails.</summary>
    public string RecentOutput(int linesPerNode = 40)
    {
        var text = new StringBuilder();
        foreach (var node in _nodes)
        {
            text.AppendLine($"----- {node}{(node.HasExited ? " (exited)" : "")}");
            foreach (var line in node.Output.Split('\n').TakeLast(linesPerNode)) text.AppendLine(line);
        }
        return text.ToString();
    }

    public virtual async Task DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(n => n.DisposeAsync().AsTask()));
        if (Database is not null) await Database.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
