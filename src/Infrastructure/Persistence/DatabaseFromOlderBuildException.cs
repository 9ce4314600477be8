namespace CleanBackend.Infrastructure.Persistence;

/// <summary>
/// The database records migrations this build does not have: it was made by a build from before the migrations were
/// restarted from one baseline per provider (docs/decisions/0001-one-migration-set-per-provider.md), and no
/// migration leads from there to here. The message says what to do; the host reports it without a stack trace.
/// </summary>
public sealed class DatabaseFromOlderBuildException(string message) : Exception(message);
