using CleanBackend.Application;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Infrastructure;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.Infrastructure.Realtime;
using CleanBackend.WebApi.Endpoints;
using CleanBackend.WebApi.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.KeepFrameworkRequestLinesOut();

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.Configure<CleanBackend.Application.Common.Behaviors.PipelineOptions>(
    builder.Configuration.GetSection(CleanBackend.Application.Common.Behaviors.PipelineOptions.Section));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddApiErrors();
builder.Services.AddApiJson();
builder.Services.AddApiDocs();
builder.Services.AddApiCors(builder.Configuration, builder.Environment);
builder.Services.AddApiRateLimiting(builder.Configuration);

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
await app.EnsureConfiguredAdminAsync();

app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler();
app.UseStatusCodePages();
// The demo client at / and the jobs dashboard at /admin/jobs: static pages calling the API (wwwroot).
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.UseApiDocs();
app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapMediaEndpoints();
app.MapPostEndpoints();
app.MapFollowEndpoints();
app.MapFeedEndpoints();
app.MapNotificationEndpoints();
app.MapRoomEndpoints();
app.MapBroadcastEndpoints();
// Closing at token expiry makes clients reconnect with a fresh token, so a logged-out session's connection ends too.
app.MapHub<RealtimeHub>(RealtimeHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
app.MapJobsDashboardEndpoints();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
