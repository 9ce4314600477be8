using System.Text;

namespace CleanBackend.SchemaComparison;

/// <summary>
/// Compares an expected schema (what the model describes) with an actual one (what the migrations built).
/// Items are matched by name (foreign keys by their columns and target table) and equal when their descriptions are.
/// Column order is ignored: it carries no meaning to EF and migrations can't reorder columns anyway.
/// </summary>
public static class SchemaComparer
{
    public static IReadOnlyList<SchemaDifference> Compare(SchemaSnapshot expected, SchemaSnapshot actual)
    {
        var differences = new List<SchemaDifference>();
        foreach (var table in expected.Tables.Where(t => actual.Find(t.Name) is null))
            differences.Add(new SchemaDifference(table.Name, "table", table.Name, DifferenceKind.Missing, Describe(table), null));
        foreach (var table in actual.Tables.Where(t => expected.Find(t.Name) is null))
            differences.Add(new SchemaDifference(table.Name, "table", table.Name, DifferenceKind.Extra, null, Describe(table)));

        foreach (var table in expected.Tables)
        {
            if (actual.Find(table.Name) is not { } migrated) continue;
            Add(differences, table.Name, "column", table.Columns, migrated.Columns, c => c.Name);
            Add(differences, table.Name, "primary key", OneOrNone(table.PrimaryKey), OneOrNone(migrated.PrimaryKey), _ => "");
            Add(differences, table.Name, "foreign key", table.ForeignKeys, migrated.ForeignKeys, f => f.Key);
            Add(differences, table.Name, "index", table.Indexes, migrated.Indexes, i => i.Name);
            Add(differences, table.Name, "check constraint", table.CheckConstraints, migrated.CheckConstraints, c => c.Name);
        }
        return differences;
    }

    /// <summary>A report for people: the differences grouped by table.</summary>
    public static string Format(IReadOnlyList<SchemaDifference> differences, string expectedName, string actualName)
    {
        if (differences.Count == 0) return $"{actualName} matches {expectedName}.";
        var report = new StringBuilder()
            .AppendLine($"{actualName} differs from {expectedName} in {differences.Count} place(s)")
            .AppendLine($"(missing = {expectedName} has it and {actualName} lacks it; extra = the other way round):");
        foreach (var table in differences.GroupBy(d => d.Table))
        {
            report.AppendLine($"  table \"{table.Key}\":");
            foreach (var difference in table) report.AppendLine($"    {difference}");
        }
        return report.ToString();
    }

    /// <summary>The tables a difference was found in.</summary>
    public static IReadOnlyList<string> AffectedTables(IReadOnlyList<SchemaDifference> differences) =>
        differences.Select(d => d.Table).Distinct().Order(StringComparer.Ordinal).ToList();

    private static void Add<T>(List<SchemaDifference> differences, string table, string item, IReadOnlyList<T> expected,
        IReadOnlyList<T> actual, Func<T, string> key) where T : notnull
    {
        var actualByKey = actual.ToDictionary(key);
        var expectedByKey = expected.ToDictionary(key);
        foreach (var wanted in expected)
        {
            var name = key(wanted);
            if (!actualByKey.TryGetValue(key(wanted), out var found))
                differences.Add(new SchemaDifference(table, item, name, DifferenceKind.Missing, wanted.ToString(), null));
            else if (wanted.ToString() != found.ToString())
                differences.Add(new SchemaDifference(table, item, name, DifferenceKind.Changed, wanted.ToString(), found.ToString()));
        }
        foreach (var extra in actual.Where(a => !expectedByKey.ContainsKey(key(a))))
            differences.Add(new SchemaDifference(table, item, key(extra), DifferenceKind.Extra, null, extra.ToString()));
    }

    private static IReadOnlyList<T> OneOrNone<T>(T? value) where T : class => value is null ? [] : [value];

    private static string Describe(TableSchema table) =>
        $"{table.Columns.Count} column(s) ({string.Join(", ", table.Columns.Select(c => c.Name))}), {table.Indexes.Count} index(es)";
}
