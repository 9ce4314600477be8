using CleanBackend.Infrastructure.Realtime.Redis;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>
/// One node of a test deployment: a real Kestrel app on a loopback port hosting <see cref="BackplaneTestHub"/> at
/// <see cref="HubPath"/> with the Redis backplane, plus /health/ready as the real app maps it. A node started
/// with <c>serveHub: false</c> has no web server at all: like a jobs-only node, it can only send via IHubContext.
/// </summary>
public sealed class BackplaneTestNode : IAsyncDisposable
{
    public const string HubPath = "/hubs/test";

    private readonly IHost _host;

    private BackplaneTestNode(IHost host, Uri? address, CapturedLogs logs)
    {
        _host = host;
        Address = address;
        Logs = logs;
    }

    public Uri? Address { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _host.Services;

    public IHubContext<BackplaneTestHub> Hub => Services.GetRequiredService<IHubContext<BackplaneTestHub>>();

    public static async Task<BackplaneTestNode> StartAsync(string redis, string channelPrefix, bool serveHub = true,
        TimeSpan? heartbeat = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Realtime:Redis"] = redis,
            ["Realtime:ChannelPrefix"] = channelPrefix,
            ["Realtime:OnlineUsersHeartbeat"] = (heartbeat ?? TimeSpan.FromSeconds(10)).ToString(),
        };
        var logs = new CapturedLogs(LogLevel.Information);
        if (!serveHub)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(settings);
            AddServices(builder.Services, builder.Configuration, builder.Logging, logs);
            configureServices?.Invoke(builder.Services);
            var jobsHost = builder.Build();
            await jobsHost.StartAsync();
            return new BackplaneTestNode(jobsHost, null, logs);
        }

        var web = WebApplication.CreateSlimBuilder();
        web.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        web.Configuration.AddInMemoryCollection(settings);
        AddServices(web.Services, web.Configuration, web.Logging, logs);
        configureServices?.Invoke(web.Services);
        var app = web.Build();
        app.UseWebSockets();
        app.MapHub<BackplaneTestHub>(HubPath);
        app.MapHealthEndpoints();
        await app.StartAsync();
        return new BackplaneTestNode(app, new Uri(app.Urls.First()), logs);
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, ILoggingBuilder logging, CapturedLogs logs)
    {
        logging.ClearProviders();
        logging.AddProvider(logs);
        services.AddSignalR(hub => hub.EnableDetailedErrors = false);
        services.AddSingleton<IUserIdProvider, QueryStringUserIdProvider>();
        services.AddHealthChecks();
        services.AddRedisBackplane(configuration);
    }

    /// <summary>
    /// Completes once the node's Redis connection is up. A node hands Redis to the backplane only once connected, and
    /// on a busy machine the first connect can outlast the start of the host, so a test that needs the backplane from
    /// its first step waits for this. StackExchange.Redis signals reconnections but not the end of a slow first
    /// connect, hence the polling.
    /// </summary>
    public async Task RedisConnectedAsync()
    {
        var multiplexer = await Task.Run(() => Services.GetRequiredService<RedisConnection>().Multiplexer);
        await Eventually.UntilAsync(() => Task.FromResult(multiplexer.IsConnected), "the node connects to Redis");
    }

    public Task<RecordingHubConnection> ConnectAsync(string? user = null) =>
        BackplaneTestHubClients.ConnectAsync(Address ?? throw new InvalidOperationException("This node serves no hub."), user);

    public HttpClient CreateHttpClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        if (_host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else _host.Dispose();
    }
}
