using CleanBackend.Infrastructure.Persistence;
using CleanBackend.TestSupport;
using Microsoft.Data.Sqlite;

namespace CleanBackend.Infrastructure.IntegrationTests;

/// <summary>An empty database of either provider, deleted on dispose: its own database on the test PostgreSQL server or a temp SQLite file.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;

    private ScratchDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var database = await PostgresDatabase.CreateAsync();
            return new ScratchDatabase(provider, database.ConnectionString, database.DisposeAsync);
        }

        var path = Path.Combine(Path.GetTempPath(), $"cleanbackend-scratch-{Guid.NewGuid():N}.db");
        return new ScratchDatabase(provider, $"Data Source={path}", () =>
        {
            // Pooled connections keep the file open.
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(file);
            return ValueTask.CompletedTask;
        });
    }

    public ValueTask DisposeAsync() => _drop();
}
