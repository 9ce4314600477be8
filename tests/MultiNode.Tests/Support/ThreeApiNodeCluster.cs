namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>Three <c>api,jobs</c> nodes: the deployment behind nginx that realtime through a load balancer is tested on.</summary>
public sealed class ThreeApiNodeCluster : NodeCluster
{
    protected override IReadOnlyList<string> InitialRoles => ["api,jobs", "api,jobs", "api,jobs"];
}
