using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>The context on SQLite, the embedded default; its migrations are in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>
/// What <c>dotnet ef</c> builds the context with (README, "Change the schema"). The tool runs in its startup project's
/// folder, src/WebApi, so by default it sees the database that <c>dotnet run</c> uses there (App_Data/cleanbackend.db);
/// <c>ConnectionStrings__Database</c> points it at another.
/// </summary>
public sealed class SqliteAppDbContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite(Environment.GetEnvironmentVariable("ConnectionStrings__Database") ?? "Data Source=App_Data/cleanbackend.db")
        .Options);
}
