using CleanBackend.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A database made by a build from before the migrations were restarted from a baseline: its history names the old
/// hand-written migrations, and its tables are in the way of the baseline.
/// </summary>
public sealed class OlderBuildDatabaseTests
{
    private const string OlderBuildHistory = """
        CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
        INSERT INTO "__EFMigrationsHistory" VALUES
            ('20261121000000_InitialCreate', '10.0.14'), ('20261121010000_Media', '10.0.14'),
            ('20261121030000_Social', '10.0.14'), ('20261121050000_Realtime', '10.0.14');
        CREATE TABLE "Users" ("Id" bigint NOT NULL PRIMARY KEY, "UserName" varchar(30) NOT NULL);
        """;

    [Fact]
    public async Task In_Development_the_SQLite_file_is_moved_aside_and_a_new_database_is_migrated()
    {
        await using var older = await OlderBuildSetup.CreateAsync(DatabaseProvider.Sqlite, "Development");
        var (services, path) = (older.Services, older.SqlitePath);

        await services.Provider.MigrateDatabaseAsync();

        var (all, applied) = await services.WithDbAsync(async db =>
            (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".older-build-*"));
        Assert.Equal(4L, await CountOldHistoryRowsAsync(aside));
    }

    [Fact]
    public async Task Outside_Development_startup_stops_on_the_SQLite_file_saying_what_to_do_and_leaves_it_alone()
    {
        await using var older = await OlderBuildSetup.CreateAsync(DatabaseProvider.Sqlite, "Production");
        var (services, path) = (older.Services, older.SqlitePath);

        var refused = await Assert.ThrowsAsync<DatabaseFromOlderBuildException>(() => services.Provider.MigrateDatabaseAsync());

        Assert.Contains("older build", refused.Message);
        Assert.Contains("20261121000000_InitialCreate", refused.Message);
        Assert.Contains($"Move or delete {path}", refused.Message);
        Assert.Equal(4L, await CountOldHistoryRowsAsync(path));
    }

    [Fact]
    public async Task On_PostgreSQL_startup_stops_even_in_Development_and_asks_for_an_empty_database()
    {
        await using var older = await OlderBuildSetup.CreateAsync(DatabaseProvider.Postgres, "Development");
        var services = older.Services;

        var refused = await Assert.ThrowsAsync<DatabaseFromOlderBuildException>(() => services.Provider.MigrateDatabaseAsync());

        Assert.Contains("empty PostgreSQL database", refused.Message);
        var applied = await services.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal(4, applied.Count);
    }

    private static async Task<long> CountOldHistoryRowsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT count(*) FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '20261121%'""";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A scratch database holding what an older build left, and the app's services over it in <c>environmentName</c>.</summary>
    private sealed class OlderBuildSetup(ScratchDatabase database, AppServices services) : IAsyncDisposable
    {
        public AppServices Services => services;

        public string SqlitePath => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

        public static async Task<OlderBuildSetup> CreateAsync(DatabaseProvider provider, string environmentName)
        {
            var database = await ScratchDatabase.CreateAsync(provider);
            var services = new AppServices(database, environmentName: environmentName);
            await services.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(OlderBuildHistory));
            return new OlderBuildSetup(database, services);
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
