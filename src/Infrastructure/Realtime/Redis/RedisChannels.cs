using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Names of the Redis pub/sub channels of one hub: <c>{prefix}:{hub}:{kind}[:{name}]</c>. Every channel is literal:
/// StackExchange.Redis would otherwise treat a group named <c>a*</c> as a pattern subscription.
/// </summary>
public sealed class RedisChannels
{
    private readonly string _root;

    public RedisChannels(string prefix, string hubName)
    {
        _root = $"{prefix}:{hubName}:";
        // The fixed channels are built once: every broadcast publishes to All.
        All = Literal(_root + "all");
        GroupManagement = Literal(_root + "group-management");
    }

    /// <summary>Every connection of the hub, on every node.</summary>
    public RedisChannel All { get; }

    /// <summary>Group add/remove requests for connections held by another node.</summary>
    public RedisChannel GroupManagement { get; }

    public RedisChannel Connection(string connectionId) => Literal(_root + "connection:" + connectionId);

    public RedisChannel Group(string groupName) => Literal(_root + "group:" + groupName);

    public RedisChannel User(string userId) => Literal(_root + "user:" + userId);

    /// <summary>Where a node receives the acknowledgements of its own group requests.</summary>
    public RedisChannel Ack(string nodeName) => Literal(_root + "ack:" + nodeName);

    private static RedisChannel Literal(string name) => new(name, RedisChannel.PatternMode.Literal);
}
