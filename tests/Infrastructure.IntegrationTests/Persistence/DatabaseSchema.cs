using System.Reflection;
using CleanBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The schema of a live database as EF's own reverse engineering reads it (the provider's IDatabaseModelFactory, what
/// <c>dotnet ef dbcontext scaffold</c> uses): one line per column, key, foreign key and index, sorted, so two databases
/// have the same schema when their lines are equal. The tables of EF's migrations machinery (history, lock) are left out.
/// </summary>
public static class DatabaseSchema
{
    /// <summary>__EFMigrationsHistory, and on SQLite __EFMigrationsLock.</summary>
    private const string MigrationsTablePrefix = "__EFMigrations";

    public static IReadOnlyList<string> Read(AppDbContext db)
    {
        var model = ModelFactoryFor(db).Create(db.Database.GetDbConnection(), new DatabaseModelFactoryOptions());
        var sqliteFilters = db.Database.IsSqlite() ? SqliteIndexFilters(db) : new Dictionary<string, string>();
        return model.Tables
            .Where(t => !t.Name.StartsWith(MigrationsTablePrefix, StringComparison.Ordinal))
            .SelectMany(t => Describe(t, index => index.Filter ?? sqliteFilters.GetValueOrDefault(index.Name!)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>SQLite's reverse engineering leaves out the WHERE of partial indexes: taken from each index's own SQL.</summary>
    private static Dictionary<string, string> SqliteIndexFilters(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, substr(sql, instr(sql, ' WHERE ') + 7) FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'";
            using var reader = command.ExecuteReader();
            var filters = new Dictionary<string, string>();
            while (reader.Read()) filters[reader.GetString(0)] = reader.GetString(1);
            return filters;
        }
        finally
        {
            connection.Close();
        }
    }

    /// <summary>The provider's design-time services, found the way the dotnet-ef tool finds them: by the attribute on the provider's assembly.</summary>
    private static IDatabaseModelFactory ModelFactoryFor(AppDbContext db)
    {
        var providerAssembly = Assembly.Load(new AssemblyName(db.Database.ProviderName!));
        var servicesType = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        var providerServices = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(servicesType, throwOnError: true)!)!;
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        providerServices.ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider().GetRequiredService<IDatabaseModelFactory>();
    }

    private static IEnumerable<string> Describe(DatabaseTable table, Func<DatabaseIndex, string?> filterOf)
    {
        foreach (var column in table.Columns)
        {
            yield return $"{table.Name}.{column.Name} {column.StoreType} {(column.IsNullable ? "null" : "not null")}"
                + (column.DefaultValueSql is { } defaultValue ? $" default {defaultValue}" : "")
                + (column.ComputedColumnSql is { } computed ? $" computed {computed}" : "");
        }
        if (table.PrimaryKey is { } key) yield return $"{table.Name} primary key {key.Name} {Columns(key.Columns)}";
        foreach (var unique in table.UniqueConstraints) yield return $"{table.Name} unique {unique.Name} {Columns(unique.Columns)}";
        foreach (var foreignKey in table.ForeignKeys)
        {
            yield return $"{table.Name} foreign key {foreignKey.Name} {Columns(foreignKey.Columns)} references " +
                $"{foreignKey.PrincipalTable.Name} {Columns(foreignKey.PrincipalColumns)} on delete {foreignKey.OnDelete}";
        }
        foreach (var index in table.Indexes)
        {
            yield return $"{table.Name} {(index.IsUnique ? "unique index" : "index")} {index.Name} {Columns(index.Columns)}"
                + (filterOf(index) is { } filter ? $" where {filter}" : "");
        }
    }

    private static string Columns(IEnumerable<DatabaseColumn?> columns) => $"({string.Join(", ", columns.Select(c => c?.Name ?? "<expression>"))})";
}
