using System.Diagnostics;
using CleanBackend.Infrastructure.Realtime.Redis;
using Microsoft.AspNetCore.SignalR;

// One node of a two-node deployment on SignalR's Redis backplane as CleanBackend configures it (Realtime:Redis, Realtime:ChannelPrefix).
// Messages "pong(stamp, sentStamp)" go to a user's connections wherever they are, with Clients.User as CleanBackend's
// notifications are sent, either from the node itself (POST /emit: IHubContext, as the notification handlers send)
// or on a client's request (hub method Ping). Stopwatch stamps are CLOCK_MONOTONIC on Linux, one clock for every
// process of the machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
builder.Services.AddSingleton<IUserIdProvider, QueryStringUserIdProvider>();
builder.Services.AddRedisBackplane(builder.Configuration);

var app = builder.Build();
app.UseWebSockets();
app.MapHub<LatencyHub>("/hub");
app.MapPost("/emit", async (IHubContext<LatencyHub> hub, string prefix, int users, int rate, double seconds) =>
{
    // Open loop on a thread of its own (a thread-pool timer fires in bursts of several milliseconds): a message is
    // sent when due, late ones right away. Each carries the moment it was due and the moment it was sent.
    var total = (int)(rate * seconds);
    var sends = new Task[total];
    await Task.Factory.StartNew(() =>
    {
        var start = Stopwatch.GetTimestamp();
        for (var sent = 0; sent < total;)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate));
            for (; sent < due; sent++)
            {
                var scheduled = start + (long)(sent * (double)Stopwatch.Frequency / rate);
                sends[sent] = hub.Clients.User(prefix + (sent % users)).SendAsync("pong", scheduled, Stopwatch.GetTimestamp());
            }
            Thread.Sleep(1);
        }
    }, TaskCreationOptions.LongRunning);
    await Task.WhenAll(sends);
    return Results.Ok(new { sent = total });
});
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
