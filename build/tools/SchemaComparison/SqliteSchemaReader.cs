using System.Data.Common;
using System.Text.RegularExpressions;

namespace CleanBackend.SchemaComparison;

/// <summary>
/// SQLite: tables from sqlite_master and the table-valued pragmas. SQLite keeps no constraint names of its own,
/// so primary key and check constraint names are read from the CREATE TABLE text and foreign keys stay unnamed.
/// </summary>
internal static partial class SqliteSchemaReader
{
    private const string TablesSql = """
        SELECT name, sql FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        ORDER BY name
        """;

    // hidden: 0 = ordinary, 2/3 = generated (virtual/stored); 1 = hidden column of a virtual table (skipped).
    private const string ColumnsSql = """SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(@table) WHERE hidden <> 1 ORDER BY cid""";

    private const string ForeignKeysSql = """SELECT id, "from", "table", "to", on_delete FROM pragma_foreign_key_list(@table) ORDER BY id, seq""";

    // origin 'pk' is the primary key's own index: compared as the key.
    private const string IndexesSql = """
        SELECT l.name, l."unique", l.partial, m.sql
        FROM pragma_index_list(@table) l LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name
        WHERE l.origin <> 'pk'
        ORDER BY l.name
        """;

    private const string IndexColumnsSql = """SELECT name, "desc" FROM pragma_index_xinfo(@index) WHERE key = 1 ORDER BY seqno""";

    public static async Task<SchemaSnapshot> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tables = await SchemaReader.QueryAsync(connection, TablesSql, r => (Name: r.GetString(0), Sql: r.GetString(1)), cancellationToken);
        var result = new List<TableSchema>();
        foreach (var (table, createSql) in tables.Where(t => !SchemaReader.IgnoredTables.Contains(t.Name)))
        {
            var columnRows = await SchemaReader.QueryAsync(connection, ColumnsSql, r => (
                Column: new ColumnSchema(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0, null,
                    r.GetInt64(5) == 0 ? r.NullableString(3) : "GENERATED"),
                PrimaryKeyPosition: r.GetInt64(4)), cancellationToken, ("@table", table));

            var keyColumns = columnRows.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Column.Name).ToList();
            var primaryKey = keyColumns.Count == 0 ? null : new PrimaryKeySchema(PrimaryKeyName().Match(createSql) is { Success: true } m ? m.Groups[1].Value : null, keyColumns);

            var foreignKeys = (await SchemaReader.QueryAsync(connection, ForeignKeysSql, r => (
                    Id: r.GetInt64(0), From: r.GetString(1), Table: r.GetString(2), To: r.NullableString(3) ?? "", OnDelete: r.GetString(4)),
                cancellationToken, ("@table", table)))
                .GroupBy(f => f.Id)
                .Select(g => new ForeignKeySchema(null, g.Select(f => f.From).ToList(), g.First().Table, g.Select(f => f.To).ToList(), g.First().OnDelete))
                .ToList();

            var indexes = new List<IndexSchema>();
            var indexRows = await SchemaReader.QueryAsync(connection, IndexesSql, r => (
                Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Partial: r.GetInt64(2) == 1, Sql: r.NullableString(3)), cancellationToken, ("@table", table));
            foreach (var index in indexRows)
            {
                var indexColumns = await SchemaReader.QueryAsync(connection, IndexColumnsSql,
                    r => (r.NullableString(0) ?? "<expression>") + (r.GetInt64(1) == 1 ? " DESC" : ""), cancellationToken, ("@index", index.Name));
                var filter = index.Partial && index.Sql is not null ? IndexFilter().Match(index.Sql).Groups[1].Value.Trim() : null;
                indexes.Add(new IndexSchema(index.Name, indexColumns, index.Unique, filter, null));
            }

            result.Add(new TableSchema(table, columnRows.Select(c => c.Column).ToList(), primaryKey, foreignKeys, indexes, CheckConstraints(createSql)));
        }
        return new SchemaSnapshot(result);
    }

    /// <summary>The named CHECK constraints of a CREATE TABLE statement, with their parenthesised condition.</summary>
    private static List<CheckConstraintSchema> CheckConstraints(string createSql)
    {
        var checks = new List<CheckConstraintSchema>();
        foreach (Match match in CheckStart().Matches(createSql))
        {
            var start = match.Index + match.Length - 1;
            var depth = 0;
            for (var i = start; i < createSql.Length; i++)
            {
                depth += createSql[i] switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth != 0) continue;
                checks.Add(new CheckConstraintSchema(match.Groups[1].Value, createSql[start..(i + 1)]));
                break;
            }
        }
        return checks;
    }

    [GeneratedRegex("""CONSTRAINT\s+"([^"]+)"\s+PRIMARY\s+KEY""", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKeyName();

    [GeneratedRegex("""CONSTRAINT\s+"([^"]+)"\s+CHECK\s*\(""", RegexOptions.IgnoreCase)]
    private static partial Regex CheckStart();

    [GeneratedRegex("""\sWHERE\s(.*)$""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex IndexFilter();
}
