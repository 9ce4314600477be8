using CleanBackend.Application.Common.Realtime;
using CleanBackend.Infrastructure.Realtime;
using CleanBackend.Infrastructure.Realtime.Redis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class RedisBackplaneRegistrationTests
{
    [Fact]
    public void Without_Realtime_Redis_the_in_process_hub_and_online_users_stay()
    {
        var services = BaseServices();

        services.AddRedisBackplane(Configuration([]));

        Assert.Equal(typeof(InProcessOnlineUsers), Registered<IOnlineUsers>(services));
        Assert.Equal(typeof(InMemoryPresence), Registered<IPresenceTracker>(services));
        Assert.Equal(typeof(SendMessageRateLimiter), Registered<ISendMessageRateLimiter>(services));
        Assert.DoesNotContain(services, s => s.ImplementationType == typeof(RedisHubLifetimeManager<>));
    }

    [Fact]
    public async Task With_Realtime_Redis_the_backplane_replaces_the_lifetime_manager_online_users_presence_and_send_rate()
    {
        var services = BaseServices();

        services.AddRedisBackplane(Configuration(new() { ["Realtime:Redis"] = "127.0.0.1:1", ["Realtime:ChannelPrefix"] = "acme" }));

        Assert.Equal(typeof(RedisHubLifetimeManager<>), services.Last(s => s.ServiceType == typeof(HubLifetimeManager<>)).ImplementationType);
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<RedisOnlineUsers>(provider.GetRequiredService<IOnlineUsers>());
        Assert.IsType<RedisRoomPresence>(Assert.Single(provider.GetServices<IPresenceTracker>()));
        Assert.IsType<RedisSendMessageRateLimiter>(Assert.Single(provider.GetServices<ISendMessageRateLimiter>()));
        Assert.Equal("acme", provider.GetRequiredService<IOptions<RedisBackplaneOptions>>().Value.ChannelPrefix);
        var check = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == "redis-backplane");
        Assert.Contains(DependencyInjection.ReadyTag, check.Tags);
    }

    [Fact]
    public void The_channel_prefix_defaults_to_cleanbackend()
    {
        var services = BaseServices();

        services.AddRedisBackplane(Configuration(new() { ["Realtime:Redis"] = "127.0.0.1:1" }));

        using var provider = services.BuildServiceProvider();
        Assert.Equal("cleanbackend", provider.GetRequiredService<IOptions<RedisBackplaneOptions>>().Value.ChannelPrefix);
    }

    [Theory]
    [InlineData("127.0.0.1:1,unknownOption=1")]
    [InlineData(",password=secret")]
    public void A_malformed_connection_string_fails_at_startup(string connectionString)
    {
        var error = Record.Exception(() => BaseServices().AddRedisBackplane(Configuration(new() { ["Realtime:Redis"] = connectionString })));

        Assert.IsAssignableFrom<ArgumentException>(error);
    }

    [Fact]
    public void An_empty_channel_prefix_fails_at_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BaseServices().AddRedisBackplane(
            Configuration(new() { ["Realtime:Redis"] = "127.0.0.1:1", ["Realtime:ChannelPrefix"] = " " })));

        Assert.Contains("Realtime:ChannelPrefix", error.Message);
    }

    private static ServiceCollection BaseServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSignalR();
        services.AddSingleton<IOnlineUsers, InProcessOnlineUsers>();
        // As AddRealtime registers them, by type (its own registrations use factories).
        services.AddSingleton<IPresenceTracker, InMemoryPresence>();
        services.AddSingleton(Options.Create(new RealtimeOptions()));
        services.AddSingleton<SendMessageRateLimiter>();
        services.AddSingleton<ISendMessageRateLimiter, SendMessageRateLimiter>();
        return services;
    }

    private static Type? Registered<T>(IServiceCollection services) => services.Last(s => s.ServiceType == typeof(T)).ImplementationType;

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    /// <summary>Stands in for the realtime feature's in-process implementation.</summary>
    private sealed class InProcessOnlineUsers : IOnlineUsers
    {
        public Task<IReadOnlyCollection<long>> GetOnlineUserIdsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyCollection<long>>([]);
    }
}
