using Xunit.Abstractions;

namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>
/// Base of the tests against a <see cref="NodeCluster"/>: after each test the nodes' last console lines go to the
/// test's output, so a failure shows what the nodes saw.
/// </summary>
public abstract class ClusterTests<TCluster>(TCluster cluster, ITestOutputHelper output) : IAsyncLifetime where TCluster : NodeCluster
{
    protected TCluster Cluster => cluster;

    protected ITestOutputHelper Output => output;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        output.WriteLine(cluster.RecentOutput());
        return Task.CompletedTask;
    }
}
