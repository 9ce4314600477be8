namespace CleanBackend.MultiNode.Tests.Support;

/// <summary>
/// The fault tests under load (rolling restart, PostgreSQL restart): each starts a cluster and drives it near half its
/// capacity, and their timing limits (5 s, 10 s) assume the machine is theirs. They run one after the other, after
/// the other test collections, never beside them (whose node startups they would otherwise starve on 2 cores).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "faults under load";
}
