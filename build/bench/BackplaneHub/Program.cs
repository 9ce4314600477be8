using System.Diagnostics;
using CleanBackend.Infrastructure.Realtime.Redis;
using Microsoft.AspNetCore.SignalR;

// One node of a two-node deployment on CleanBackend's Redis backplane (Realtime:Redis, Realtime:ChannelPrefix).
// A client calls Ping(userId, stamp) on one node; the node sends "pong" with the stamp, and its own stamp taken when
// the hub method ran, to that user's connections wherever they are: Clients.User, as CleanBackend's notifications are
// sent. Stopwatch stamps are CLOCK_MONOTONIC on Linux, one clock for every process of the machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
builder.Services.AddSingleton<IUserIdProvider, QueryStringUserIdProvider>();
builder.Services.AddRedisBackplane(builder.Configuration);

var app = builder.Build();
app.UseWebSockets();
app.MapHub<LatencyHub>("/hub");
app.Run();

internal sealed class LatencyHub : Hub
{
    public Task Ping(string userId, long stamp) => Clients.User(userId).SendAsync("pong", stamp, Stopwatch.GetTimestamp());
}

/// <summary>The user is named by the connection's <c>?user=</c> query parameter (no authentication in a benchmark).</summary>
internal sealed class QueryStringUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.GetHttpContext()?.Request.Query["user"];
}
