using CleanBackend.Infrastructure.Identity;
using CleanBackend.Infrastructure.Realtime;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

// A bare ASP.NET Core SignalR hub, defaults everywhere: the ceiling CleanBackend's broadcast is compared with.
// POST /broadcast sends one message shaped like CleanBackend's broadcast event to every connection.
// With Auth:SigningKey set, the hub takes only connections signed in the way CleanBackend's hub does (JwtBearer, the
// same validation parameters, the token taken out of the query string, the subject as user id), so its memory per
// connection compares like with like. CleanBackend's per-connection session check (a cached database lookup at
// connect) is left out: this process has no database.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
var signingKey = builder.Configuration["Auth:SigningKey"];
var authenticated = !string.IsNullOrWhiteSpace(signingKey);
if (authenticated)
{
    var tokens = new JwtTokenService(SigningKey.Resolve(signingKey, builder.Environment, ""), Options.Create(new AuthOptions()), TimeProvider.System);
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
    {
        bearer.MapInboundClaims = false;
        bearer.SaveToken = false;
        bearer.TokenValidationParameters = tokens.ValidationParameters();
        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token = HubAccessToken.TakeFromQuery(context.Request);
                return Task.CompletedTask;
            },
        };
    });
    builder.Services.AddAuthorization();
    builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
}

var app = builder.Build();
app.UseWebSockets();
var hub = app.MapHub<PlainHub>("/hub");
if (authenticated) hub.RequireAuthorization();
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
