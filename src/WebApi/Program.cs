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

await app.Services.MigrateDatabaseAsync();
await app.EnsureConfiguredAdminAsync();

app.UseMiddleware<RequestLogging>();
if (roles.Api) app.UseApiRole();
app.MapHealthEndpoints();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
