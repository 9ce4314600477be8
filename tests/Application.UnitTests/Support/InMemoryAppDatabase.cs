using CleanBackend.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Application.UnitTests.Support;

/// <summary>
/// The real AppDbContext on an in-memory SQLite database, so handler tests run real LINQ queries.
/// The database lives as long as the connection, which stays open until the test disposes this.
/// </summary>
public sealed class InMemoryAppDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly List<AppDbContext> _contexts = [];

    public InMemoryAppDatabase()
    {
        _connection.Open();
        CreateContext().Database.EnsureCreated();
    }

    /// <summary>A new context on the same database: use a fresh one to see what was really saved.</summary>
    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_connection).Options;
        // The scope's services (ids, clock, event handlers) only serve outbox rows, which the handlers under test don't produce.
        var context = new SqliteAppDbContext(options).UseScope(_services);
        _contexts.Add(context);
        return context;
    }

    public void Dispose()
    {
        _contexts.ForEach(c => c.Dispose());
        _services.Dispose();
        _connection.Dispose();
    }
}
