using CleanBackend.Application;
using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Infrastructure;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.WebApi.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.KeepFrameworkRequestLinesOut();
// First, so a node given an unknown role refuses to start before it touches anything.
var roles = NodeRoles.From(builder.Configuration);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment, roles);
builder.Services.Configure<PipelineOptions>(builder.Configuration.GetSection(PipelineOptions.Section));
builder.Services.AddHttpContextAccessor();
builder.Services.AddHealthReporting();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
if (roles.Api) builder.Services.AddApiRole(builder.Configuration, builder.Environment);

var app = builder.Build();
app.Logger.LogInformation("Node {NodeId} runs as {Roles}", app.Configuration["Node:Id"] ?? "0", roles);

try
{
    await app.Services.MigrateDatabaseAsync();
}
catch (DatabaseFromOlderBuildException ex)
{
    // A known state with a known remedy: the message says it; a stack trace would only bury it.
    app.Logger.LogCritical("{Problem}", ex.Message);
    await app.DisposeAsync(); // flushes the console log
    return 1;
}
await app.EnsureConfiguredAdminAsync();

app.UseMiddleware<RequestLogging>();
if (roles.Api)
{
    app.UseApiRole();
    app.PrintAddressesWhenListening();
}
app.MapHealthEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
