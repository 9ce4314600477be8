namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// This process's name in Redis: unique per process start (a restarted node is a new node), readable in
/// Redis' CLIENT LIST and in the keys of online users.
/// </summary>
public sealed class RedisNode
{
    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
