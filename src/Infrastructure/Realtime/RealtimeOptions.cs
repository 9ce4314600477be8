namespace CleanBackend.Infrastructure.Realtime;

/// <summary>Configuration section <c>Realtime</c>: the hub's limits.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>
    /// Frames up to this many times <see cref="MaxMessageBytes"/> are read and answered with a clear error;
    /// only bigger ones make the server close the connection (it will not buffer without bound).
    /// </summary>
    public const int FrameLimitFactor = 4;

    /// <summary>
    /// The largest hub invocation accepted, counted as the UTF-8 JSON of its arguments. Bigger ones get an error
    /// and the connection carries on. The default fits a 2000-character message in any script.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 8192;

    /// <summary>SendMessage calls allowed per user per minute (across all nodes with the Redis backplane).</summary>
    public int SendMessagePerMinute { get; set; } = 30;

    /// <summary>
    /// How often an api node closes its hub connections whose session was signed out on another node or expired
    /// (the node that signs a session out closes its connections at once).
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
