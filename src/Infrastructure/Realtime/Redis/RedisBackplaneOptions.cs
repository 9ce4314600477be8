namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The Redis part of configuration section <c>Realtime</c>. Without <see cref="Redis"/> the hub runs in-process
/// only (one node).
/// </summary>
public sealed class RedisBackplaneOptions
{
    public const string Section = "Realtime";

    /// <summary>A StackExchange.Redis connection string, e.g. <c>127.0.0.1:6379,password=...</c>. Empty = no backplane.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Prefix of every channel and key, so several deployments can share one Redis. Keys and channels read
    /// <c>{prefix}:...</c>.
    /// </summary>
    public string ChannelPrefix { get; set; } = "cleanbackend";

    /// <summary>
    /// How often this node re-announces its online users and room presence; a node that misses three beats counts as
    /// gone, with its users.
    /// </summary>
    public TimeSpan OnlineUsersHeartbeat { get; set; } = TimeSpan.FromSeconds(10);
}
