using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>The context on PostgreSQL; its migrations are in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>
/// What <c>dotnet ef</c> builds the context with (README, "Change the schema"). Adding a migration needs no server;
/// <c>ConnectionStrings__Database</c> points the commands that read or change a database at one (by default a
/// local <c>cleanbackend</c> database).
/// </summary>
public sealed class PostgresAppDbContextFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresAppDbContext>()
        .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Database") ?? "Host=127.0.0.1;Database=cleanbackend")
        .Options);
}
