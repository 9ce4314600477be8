using Microsoft.EntityFrameworkCore;

namespace CleanBackend.SchemaComparison;

/// <summary>How a database built by the migrations differs from one built straight from the model.</summary>
public sealed record MigrationDrift(SchemaSnapshot Model, SchemaSnapshot Migrated, IReadOnlyList<SchemaDifference> Differences)
{
    /// <summary>
    /// Migrates the (empty) database of <paramref name="migrated"/> to the latest migration, creates the (empty) database of
    /// <paramref name="model"/> from the current model with EnsureCreated, and compares what the two catalogs then hold.
    /// </summary>
    public static async Task<MigrationDrift> MeasureAsync(DbContext migrated, DbContext model, CancellationToken cancellationToken = default)
    {
        await migrated.Database.MigrateAsync(cancellationToken);
        if (!await model.Database.EnsureCreatedAsync(cancellationToken))
            throw new InvalidOperationException("The database for the model schema must be empty: EnsureCreated found tables in it.");

        var migratedSchema = await SchemaReader.ReadAsync(migrated.Database, cancellationToken);
        var modelSchema = await SchemaReader.ReadAsync(model.Database, cancellationToken);
        return new MigrationDrift(modelSchema, migratedSchema, SchemaComparer.Compare(modelSchema, migratedSchema));
    }

    public IReadOnlyList<string> AffectedTables => SchemaComparer.AffectedTables(Differences);

    public string Report(string providerName) =>
        SchemaComparer.Format(Differences, "the model (EnsureCreated)", $"the migrated {providerName} database");
}
