using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>
/// Finds a database made by an older build (see <see cref="DatabaseFromOlderBuildException"/>) before migrating
/// would fail on its tables. In Development the embedded SQLite file is moved aside, so the next migration starts
/// a new one and nothing is lost; anywhere else, and on PostgreSQL, startup stops with what to do.
/// </summary>
public static class OlderBuildDatabase
{
    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];

    public static async Task SetAsideOrRefuseAsync(AppDbContext db, IHostEnvironment environment, ILogger logger, CancellationToken cancellationToken)
    {
        // Asked first: reading the history of a new database would log a failed query.
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken)) return;
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId);
        var unknown = applied.Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count == 0) return;

        var found = $"The database was made by an older build of CleanBackend: it records the migration(s) {string.Join(", ", unknown)}, " +
            "which this build does not have (its migrations start from a new baseline, docs/decisions/0001-one-migration-set-per-provider.md).";
        if (!db.Database.IsSqlite())
            throw new DatabaseFromOlderBuildException($"{found} Point ConnectionStrings:Database at a new, empty PostgreSQL database (or drop this one) and start again.");

        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        if (!environment.IsDevelopment())
            throw new DatabaseFromOlderBuildException($"{found} Move or delete {path} and start again; in Development this happens by itself.");

        var aside = $"{path}.older-build-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        await db.Database.CloseConnectionAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in SqliteFileSuffixes.Where(s => File.Exists(path + s)))
            File.Move(path + suffix, aside + suffix);
        logger.LogWarning("{Found} It was moved to {Aside}; a new database is created in its place.", found, aside);
    }
}
