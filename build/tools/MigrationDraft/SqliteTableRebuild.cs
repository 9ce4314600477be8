using CleanBackend.SchemaComparison;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanBackend.MigrationDraft;

/// <summary>
/// The SQL that rebuilds one table on SQLite into its model shape, the way EF's SQLite migrations do it:
/// create the new table, copy the rows, drop the old one, rename, recreate the indexes. Foreign key enforcement is off
/// meanwhile (dropping a parent table would otherwise cascade-delete its children), which SQLite only allows outside a transaction.
/// </summary>
/// <param name="sqliteCreateScript">GenerateCreateScript() of the model on SQLite.</param>
public sealed class SqliteTableRebuild(string sqliteCreateScript, IRelationalModel model)
{
    public void Write(string table, MigrationDrift drift, Action<string> line)
    {
        var statements = CreateScriptStatements.For(sqliteCreateScript, [table]);
        var temporary = $"ef_temp_{table}";
        var createTable = statements.Single(s => s.TrimStart().StartsWith("CREATE TABLE", StringComparison.OrdinalIgnoreCase))
            .Replace($"CREATE TABLE \"{table}\"", $"CREATE TABLE \"{temporary}\"");
        var existing = drift.Migrated.Find(table)!.Columns.ToDictionary(c => c.Name);
        var copied = drift.Model.Find(table)!.Columns.Where(c => existing.ContainsKey(c.Name)).ToList();
        var sources = copied.Select(c => existing[c.Name].IsNullable && !c.IsNullable
            ? $"IFNULL(\"{c.Name}\", {Fallback(model.FindTable(table, null)!.FindColumn(c.Name)!)})"
            : $"\"{c.Name}\"");

        line("// SQLite can't alter this table in place: rebuild it (check the values copied into columns that became required).");
        line("migrationBuilder.Sql(\"PRAGMA foreign_keys = 0;\", suppressTransaction: true);");
        line("migrationBuilder.Sql(\"\"\"");
        foreach (var sqlLine in createTable.Split('\n')) line("    " + sqlLine);
        line($"    INSERT INTO \"{temporary}\" ({string.Join(", ", copied.Select(c => $"\"{c.Name}\""))})");
        line($"    SELECT {string.Join(", ", sources)} FROM \"{table}\";");
        line($"    DROP TABLE \"{table}\";");
        line($"    ALTER TABLE \"{temporary}\" RENAME TO \"{table}\";");
        foreach (var index in statements.Where(s => !s.TrimStart().StartsWith("CREATE TABLE", StringComparison.OrdinalIgnoreCase)))
            line("    " + index);
        line("    \"\"\");");
        line("migrationBuilder.Sql(\"PRAGMA foreign_keys = 1;\", suppressTransaction: true);");
    }

    /// <summary>What a row that had NULL gets in a column that became required: the type's zero value as SQLite stores it.</summary>
    private static string Fallback(IColumn column) => (Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType) switch
    {
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "'0001-01-01 00:00:00+00:00'",
        var t when t.IsPrimitive || t == typeof(decimal) => "0",
        _ => "''",
    };
}
