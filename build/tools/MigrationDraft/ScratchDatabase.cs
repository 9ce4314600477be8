using CleanBackend.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanBackend.MigrationDraft;

/// <summary>An empty database, dropped (PostgreSQL) or deleted (SQLite file) on dispose.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private static readonly ServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private readonly Action<DbContextOptionsBuilder> _useProvider;
    private readonly Func<Task> _drop;

    private ScratchDatabase(string providerName, Action<DbContextOptionsBuilder> useProvider, Func<Task> drop)
    {
        ProviderName = providerName;
        _useProvider = useProvider;
        _drop = drop;
    }

    public string ProviderName { get; }

    /// <param name="args"><c>["sqlite"]</c> or <c>["postgres", serverConnectionString]</c>.</param>
    public static async Task<ScratchDatabase> CreateAsync(string[] args)
    {
        if (args[0] == "sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"migration-draft-{Guid.NewGuid():N}.db");
            return new ScratchDatabase("SQLite", o => o.UseSqlite($"Data Source={path}"), () =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path);
                return Task.CompletedTask;
            });
        }

        var server = new NpgsqlConnectionStringBuilder(args[1]);
        var name = $"migration_draft_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return new ScratchDatabase("PostgreSQL", o => o.UseNpgsql(database.ConnectionString), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    /// <summary>
    /// The app's DbContext with the same provider call as Infrastructure's AddPersistence. Its scope's services only
    /// serve domain events, which creating a schema never raises.
    /// </summary>
    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _useProvider(options);
        return new AppDbContext(options.Options).UseScope(NoServices);
    }

    /// <summary>A SQLite context that is never opened: for generating the model's SQLite DDL.</summary>
    public static AppDbContext SqliteContextForScripts() => new ScratchDatabase("SQLite", o => o.UseSqlite("Data Source=:memory:"), () => Task.CompletedTask).CreateContext();

    public async ValueTask DisposeAsync() => await _drop();

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder server, string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = server.Database ?? "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
