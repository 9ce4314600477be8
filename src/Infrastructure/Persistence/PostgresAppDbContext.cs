using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>The context on PostgreSQL; its migrations are in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Byte-order names, so that user search's prefix ranges are exact index range scans (ADR 0013).
        modelBuilder.Entity<User>().Property(u => u.UserName).UseCollation(UserConfiguration.ByteOrderCollation);
        modelBuilder.Entity<User>().Property(u => u.NormalizedDisplayName).UseCollation(UserConfiguration.ByteOrderCollation);
    }
}

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
