using CleanBackend.Application;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Feed;
using CleanBackend.Infrastructure.Feed;
using CleanBackend.Infrastructure.Identity;
using CleanBackend.Infrastructure.Media;
using CleanBackend.Infrastructure.Jobs;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.Infrastructure.Persistence.Outbox;
using CleanBackend.Infrastructure.Realtime;
using CleanBackend.Infrastructure.Realtime.Redis;
using CleanBackend.Infrastructure.Time;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure;

public static class DependencyInjection
{
    public const string ReadyTag = "ready";

    /// <param name="roles">Parsed once by the host before anything else, so a bad <c>Node:Roles</c> stops it first.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment,
        NodeRoles roles)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataFolder = Path.GetFullPath(storage.DataFolder, environment.ContentRootPath);
        services.Configure<StorageOptions>(o => o.DataFolder = dataFolder);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<NodeOptions>(configuration.GetSection(NodeOptions.Section));
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        var database = DatabaseOptions.From(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, SystemClock>();
        services.AddSingleton<IIdGenerator>(sp =>
            new SnowflakeIdGenerator(sp.GetRequiredService<IOptions<NodeOptions>>().Value.Id, sp.GetRequiredService<TimeProvider>()));

        services.AddPersistence(configuration, database, dataFolder, roles);
        services.AddSingleton<IMediaStorage, FileSystemMediaStorage>();
        services.AddIdentityAdapters(configuration, environment, dataFolder);
        services.AddBackgroundJobs(configuration, roles, database, dataFolder);
        services.AddFeed(configuration);
        services.AddRealtime(configuration, roles);
        // After AddRealtime: replaces its in-process lifetime manager and online users when Realtime:Redis is set.
        services.AddRedisBackplane(configuration);
        services.AddMediatorHandlersFrom(typeof(DependencyInjection).Assembly);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: PostgresConnectionString.ConnectTimeout);
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration, DatabaseOptions options, string dataFolder,
        NodeRoles roles)
    {
        var connectionString = configuration.GetConnectionString("Database");
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddAppDbContext<PostgresAppDbContext>(db =>
            {
                db.UseNpgsql(PostgresConnectionString.WithOutageDefaults(connectionString ?? throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Database is not set.")));
                db.AddInterceptors(new ClearPoolOnConnectionLoss());
            });
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            services.AddAppDbContext<SqliteAppDbContext>(db => db.UseSqlite(connectionString ?? $"Data Source={Path.Combine(dataFolder, "cleanbackend.db")}"));
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<DomainEventPublisher>();
        services.AddScoped<OutboxDispatcher>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        // Any node publishes its own events right after commit; only jobs nodes sweep up what was left behind.
        if (roles.Jobs) services.AddHostedService<OutboxSweeper>();
    }

    /// <summary>
    /// Pooled: setting up a new context and its EF services for every request took about a tenth of the process's
    /// CPU in the feed benchmark (build/bench-feed.sh). A scope leases a context and gives it back when it ends.
    /// </summary>
    private static void AddAppDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext().UseScope(sp));
    }

    private static void AddFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedOptions>(configuration.GetSection(FeedOptions.Section));
        services.AddScoped<IFeedStore, SqlFeedStore>();
    }

    private static void AddIdentityAdapters(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataFolder)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var signingKey = SigningKey.Resolve(auth.SigningKey, environment, dataFolder);
        services.AddSingleton(signingKey);
        services.AddSingleton<JwtTokenService>();
        services.AddSingleton<ITokenService>(sp => sp.GetRequiredService<JwtTokenService>());
        services.AddSingleton<IPasswordHasher, FrameworkPasswordHasher>();
        services.AddMemoryCache();
        services.AddSingleton<ActiveSessionCache>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtTokenService>((bearer, tokens) =>
            {
                bearer.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties, and a hub connection would keep
                // that copy for as long as it is open.
                bearer.SaveToken = false;
                bearer.TokenValidationParameters = tokens.ValidationParameters();
                bearer.Events = new JwtBearerEvents
                {
                    // Browsers can't set headers on WebSocket requests, so the hub accepts the token in the query string;
                    // nor when they follow a link, so the jobs dashboard accepts it from its own cookie.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs")) context.Token = HubAccessToken.TakeFromQuery(context.Request);
                        else context.Token = DashboardAccessCookie.TakeFrom(context.Request);
                        return Task.CompletedTask;
                    },
                    // A valid signature is not enough: the session behind the token must still be active, so
                    // logout and revocation take effect before the token expires (cached briefly, see ActiveSessionCache).
                    OnTokenValidated = async context =>
                    {
                        var sessions = context.HttpContext.RequestServices.GetRequiredService<ActiveSessionCache>();
                        if (JwtTokenService.SessionIdOf(context.Principal) is not { } sessionId
                            || !await sessions.IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
                            context.Fail("The session of this token has ended.");
                        else
                            context.Principal = CompactPrincipal.From(context.Principal!);
                    },
                };
            });
        services.AddAuthorization();
    }
}
