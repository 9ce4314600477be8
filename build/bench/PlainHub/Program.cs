using Microsoft.AspNetCore.SignalR;

// A bare ASP.NET Core SignalR hub, defaults everywhere: the ceiling CleanBackend's broadcast is compared with.
// POST /broadcast sends one message shaped like CleanBackend's broadcast event to every connection.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();

var app = builder.Build();
app.UseWebSockets();
app.MapHub<PlainHub>("/hub");
var sent = 0L;
app.MapPost("/broadcast", async (IHubContext<PlainHub> hub) =>
{
    var id = Interlocked.Increment(ref sent);
    await hub.Clients.All.SendAsync("broadcast", new
    {
        id = id.ToString(),
        message = "Maintenance tonight at 22:00 UTC",
        sentAt = DateTimeOffset.UtcNow,
        from = new { id = "7263500000000001", userName = "admin", displayName = "Admin" },
    });
    return Results.Accepted();
});
app.Run();

internal sealed class PlainHub : Hub;
