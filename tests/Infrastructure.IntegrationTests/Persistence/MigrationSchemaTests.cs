using CleanBackend.Infrastructure.Persistence;
using CleanBackend.SchemaComparison;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A forgotten or wrong hand-written migration fails here: an empty database migrated to the latest migration
/// must have exactly the schema that EnsureCreated builds from the current model. New migrations are picked up
/// by MigrateAsync, so nothing needs to change here when a feature adds tables.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Database_migrated_to_the_latest_migration_has_exactly_the_model_schema(DatabaseProvider provider)
    {
        await using var migratedDatabase = await ScratchDatabase.CreateAsync(provider);
        await using var modelDatabase = await ScratchDatabase.CreateAsync(provider);
        await using var migratedServices = new AppServices(migratedDatabase);
        await using var modelServices = new AppServices(modelDatabase);

        var drift = await migratedServices.WithDbAsync(migrated => modelServices.WithDbAsync(model => MigrationDrift.MeasureAsync(migrated, model)));

        Assert.Contains(drift.Model.Tables, t => t.Name == "Users");
        Assert.True(drift.Differences.Count == 0,
            drift.Report(provider.ToString()) + "Write a migration for the model change; build/tools/MigrationDraft prints a draft of it.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Every_migration_is_applied_and_none_is_left_pending(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var services = new AppServices(database);

        var (all, applied, pending) = await services.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return (db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList(),
                (await db.Database.GetPendingMigrationsAsync()).ToList());
        });

        Assert.Contains("20261121000000_InitialCreate", all);
        Assert.Equal(all, applied);
        Assert.Empty(pending);
    }
}
