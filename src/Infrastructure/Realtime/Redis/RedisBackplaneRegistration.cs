using CleanBackend.Application.Common.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleanBackend.Infrastructure.Realtime.Redis;

public static class RedisBackplaneRegistration
{
    /// <summary>
    /// When <c>Realtime:Redis</c> is set, runs every hub across nodes through Redis and answers
    /// <see cref="IOnlineUsers"/>, room presence (<see cref="IPresenceTracker"/>) and the SendMessage rate for the
    /// whole deployment; otherwise changes nothing. Call it after AddRealtime: it replaces the in-process ones.
    /// </summary>
    public static IServiceCollection AddRedisBackplane(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RedisBackplaneOptions.Section);
        var options = section.Get<RedisBackplaneOptions>() ?? new RedisBackplaneOptions();
        if (string.IsNullOrWhiteSpace(options.Redis)) return services;

        // A malformed connection string or prefix fails at startup, not at the first message.
        RedisBackplaneConnection.ParseConfiguration(options.Redis);
        if (string.IsNullOrWhiteSpace(options.ChannelPrefix))
            throw new InvalidOperationException($"{RedisBackplaneOptions.Section}:ChannelPrefix must not be empty.");
        if (options.AckTimeout <= TimeSpan.Zero || options.OnlineUsersHeartbeat <= TimeSpan.Zero)
            throw new InvalidOperationException($"{RedisBackplaneOptions.Section}:AckTimeout and :OnlineUsersHeartbeat must be positive.");

        services.Configure<RedisBackplaneOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BackplaneNode>();
        services.AddSingleton<RedisBackplaneConnection>();
        services.AddSingleton<RedisOnlineUsers>();
        services.RemoveAll<IOnlineUsers>();
        services.AddSingleton<IOnlineUsers>(sp => sp.GetRequiredService<RedisOnlineUsers>());
        services.RemoveAll(typeof(HubLifetimeManager<>));
        services.AddSingleton(typeof(HubLifetimeManager<>), typeof(RedisHubLifetimeManager<>));
        services.AddSingleton<RedisRoomPresence>();
        services.RemoveAll<IPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<RedisRoomPresence>());
        services.AddHostedService<BackplaneHeartbeat>();
        services.RemoveAll<ISendMessageRateLimiter>();
        services.AddSingleton<ISendMessageRateLimiter, RedisSendMessageRateLimiter>();
        services.AddHealthChecks().AddCheck<RedisBackplaneHealthCheck>("redis-backplane", tags: [DependencyInjection.ReadyTag]);
        return services;
    }
}
