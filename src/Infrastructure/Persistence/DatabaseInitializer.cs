using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CleanBackend.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    // The PostgreSQL advisory lock that lets one starting node at a time migrate; its key is "CBMIGRAT" in ASCII.
    private const string LockMigrations = "SELECT pg_advisory_lock(4846521126128599380)";
    private const string UnlockMigrations = "SELECT pg_advisory_unlock(4846521126128599380)";

    /// <summary>
    /// Applies pending migrations when <c>Database:MigrateOnStartup</c> is on (the default). Nodes of a deployment
    /// start together: on PostgreSQL they take turns under an advisory lock, so each finds the migrations the one
    /// before it applied instead of applying them again (EF's own migration lock does not cover that race here:
    /// three nodes starting at once failed with "relation already exists"). The lock belongs to the session, so a
    /// node that dies while migrating releases it. A database made by an older build is set aside or refused first
    /// (<see cref="OlderBuildDatabase"/>).
    /// </summary>
    /// <exception cref="DatabaseFromOlderBuildException">The database can't be migrated; the message says what to do.</exception>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup) return;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (!db.Database.IsNpgsql())
        {
            await MigrateAsync(db, environment, logger, cancellationToken);
            return;
        }

        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(LockMigrations, cancellationToken);
            try
            {
                await MigrateAsync(db, environment, logger, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(UnlockMigrations, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// What MigrateAsync would do itself, done before the lock needs a connection to the database: create it when it
    /// does not exist. Of nodes starting together, one creates it; the others find it created (42P04) and go on.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    private static async Task MigrateAsync(AppDbContext db, IHostEnvironment environment, ILogger logger, CancellationToken cancellationToken)
    {
        await OlderBuildDatabase.SetAsideOrRefuseAsync(db, environment, logger, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0) return;
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }
}
