using Hangfire.Logging;

namespace CleanBackend.TestSupport;

/// <summary>
/// Hangfire logs through one process-wide provider, which a host points at its own logger factory when it first uses
/// Hangfire. Left pointing at a host that stopped, it fails every later Hangfire call of the hosts still running in the
/// test process (creating a job instantiates its filters, which ask it for a logger) once that factory is disposed.
/// </summary>
public static class HangfireLogging
{
    /// <summary>Call as a host stops: without a provider Hangfire logs nowhere, which tests can afford.</summary>
    public static void Detach() => LogProvider.SetCurrentLogProvider(null);
}
