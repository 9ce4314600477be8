using CleanBackend.Application.Common.Realtime;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.Realtime.Redis;

public static class RedisBackplaneRegistration
{
    /// <summary>
    /// When <c>Realtime:Redis</c> is set, carries every hub message across nodes on SignalR's own Redis backplane
    /// (Microsoft.AspNetCore.SignalR.StackExchangeRedis, see docs/decisions/0008) and answers <see cref="IOnlineUsers"/>,
    /// room presence (<see cref="IPresenceTracker"/>) and the SendMessage rate for the whole deployment; otherwise
    /// changes nothing. Call it after AddRealtime: it replaces the in-process ones.
    /// </summary>
    public static IServiceCollection AddRedisBackplane(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RedisBackplaneOptions.Section);
        var options = section.Get<RedisBackplaneOptions>() ?? new RedisBackplaneOptions();
        if (string.IsNullOrWhiteSpace(options.Redis)) return services;

        // A malformed connection string or prefix fails at startup, not at the first message.
        RedisConnection.ParseConfiguration(options.Redis);
        if (string.IsNullOrWhiteSpace(options.ChannelPrefix))
            throw new InvalidOperationException($"{RedisBackplaneOptions.Section}:ChannelPrefix must not be empty.");
        if (options.OnlineUsersHeartbeat <= TimeSpan.Zero)
            throw new InvalidOperationException($"{RedisBackplaneOptions.Section}:OnlineUsersHeartbeat must be positive.");

        services.Configure<RedisBackplaneOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RedisNode>();
        services.AddSingleton<RedisConnection>();

        services.AddSignalR().AddStackExchangeRedis(redis =>
            // The package prepends the prefix with no separator; ours reads "{prefix}:" like every key.
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix + ":"));
        // One connection per node for the backplane and our own keys, handed over only once it is connected: the
        // backplane subscribes its fixed channels right after taking it and never retries those subscriptions, but
        // it does ask again at its next use when the factory throws. Off the caller's thread: the backplane asks in
        // its constructor, and a first connect to an unreachable Redis takes seconds.
        services.AddOptions<RedisOptions>().Configure<RedisConnection>((redis, connection) =>
            redis.ConnectionFactory = _ => Task.Run<IConnectionMultiplexer>(() => connection.Multiplexer.IsConnected
                ? connection.Multiplexer
                : throw new InvalidOperationException("Redis is unreachable; the backplane connects at its next use.")));

        services.AddSingleton<RedisOnlineUsers>();
        services.RemoveAll<IOnlineUsers>();
        services.AddSingleton<IOnlineUsers>(sp => sp.GetRequiredService<RedisOnlineUsers>());
        services.AddSingleton<RedisRoomPresence>();
        services.RemoveAll<IPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<RedisRoomPresence>());
        services.AddHostedService<PresenceHeartbeat>();
        services.RemoveAll<ISendMessageRateLimiter>();
        services.AddSingleton<ISendMessageRateLimiter, RedisSendMessageRateLimiter>();
        services.AddHealthChecks().AddCheck<RedisBackplaneHealthCheck>("redis-backplane", tags: [DependencyInjection.ReadyTag]);
        return services;
    }
}
