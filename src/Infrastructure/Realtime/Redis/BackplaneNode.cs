namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// This process's name on the backplane: unique per process start (a restarted node is a new node), readable in
/// Redis' CLIENT LIST and in the keys of online users.
/// </summary>
public sealed class BackplaneNode
{
    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
