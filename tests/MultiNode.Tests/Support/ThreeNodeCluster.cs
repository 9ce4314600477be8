namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>The deployment the issue describes: two <c>api,jobs</c> nodes and one <c>jobs</c>-only node.</summary>
public sealed class ThreeNodeCluster : NodeCluster
{
    /// <summary>Low, so the cross-node rate test needs few messages; other tests send at most two per user.</summary>
    public const int SendMessagePerMinute = 4;

    protected override IReadOnlyList<string> InitialRoles => ["api,jobs", "api,jobs", "jobs"];

    protected override Dictionary<string, string> EnvironmentOf(int nodeId)
    {
        var environment = base.EnvironmentOf(nodeId);
        environment["Realtime__SendMessagePerMinute"] = SendMessagePerMinute.ToString();
        // Short, so a session signed out through one node closes its connections on another within a test's patience.
        environment["Realtime__SessionCheckInterval"] = "00:00:01";
        return environment;
    }
}

/// <summary>The test classes that share one <see cref="ThreeNodeCluster"/>: it starts once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class ThreeNodeCollection : ICollectionFixture<ThreeNodeCluster>
{
    public const string Name = "three nodes";
}
