using CleanBackend.Application.Common.Realtime;
using CleanBackend.Infrastructure.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Realtime;

public static class RealtimeRegistration
{
    /// <summary>
    /// The hub with its filters and limits, in-process presence, the notifier the push handlers use, and (api nodes,
    /// which serve the hub) the check that closes connections of sessions that ended.
    /// </summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration, NodeRoles roles)
    {
        var section = configuration.GetSection(RealtimeOptions.Section);
        var options = section.Get<RealtimeOptions>() ?? new RealtimeOptions();
        services.AddOptions<RealtimeOptions>().Bind(section)
            .Validate(o => o.MaxMessageBytes >= 1024, "Realtime:MaxMessageBytes must be at least 1024.")
            .Validate(o => o.SendMessagePerMinute >= 1, "Realtime:SendMessagePerMinute must be at least 1.")
            .Validate(o => o.SessionCheckInterval > TimeSpan.Zero, "Realtime:SessionCheckInterval must be positive, e.g. 00:00:15.")
            .ValidateOnStart();

        services.AddSignalR(hub =>
            {
                // Exception details stay in the log; HubErrorFilter sends the messages a caller needs.
                hub.EnableDetailedErrors = false;
                hub.MaximumReceiveMessageSize = (long)options.MaxMessageBytes * RealtimeOptions.FrameLimitFactor;
                hub.AddFilter<HubConnectionSessionFilter>();
                hub.AddFilter<HubCallerFilter>();
                hub.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new SnowflakeIdJsonConverter()));
        // Registered after the plain JSON protocol, so it takes over the name "json".
        services.AddSingleton<IHubProtocol, ClearBindingErrorsProtocol>();

        // The dispatcher logs every HubException (a caller's mistake) as an error with a stack trace. HubErrorFilter
        // logs the real failures of hub methods itself, so the dispatcher's copies would only be noise.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical));

        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddScoped<HubCallerPrincipal>();
        services.AddSingleton<HubCallerFilter>();
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<HubConnectionSessionFilter>();
        services.AddSingleton<HubConnectionsBySession>();
        if (roles.Api) services.AddHostedService<HubSessionCheck>();
        services.AddSingleton<SendMessageRateLimiter>();
        services.AddSingleton<ISendMessageRateLimiter>(sp => sp.GetRequiredService<SendMessageRateLimiter>());
        services.AddSingleton<InMemoryPresence>();
        services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<InMemoryPresence>());
        services.AddSingleton<IOnlineUsers>(sp => sp.GetRequiredService<InMemoryPresence>());
        services.AddSingleton<IRealtimeNotifier, HubContextNotifier>();
        return services;
    }
}
