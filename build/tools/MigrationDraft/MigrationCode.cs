using System.Globalization;
using System.Text;
using CleanBackend.SchemaComparison;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanBackend.MigrationDraft;

/// <summary>
/// Writes the MigrationBuilder calls, in the style of the hand-written migrations (provider-agnostic: no column
/// types), that turn the migrated schema into the model's. Definitions come from EF's relational model.
/// </summary>
/// <remarks>
/// SQLite can't alter a column or add/drop a constraint in place; EF rebuilds the table instead, but only when the
/// migration carries a target model, which hand-written migrations don't. For those tables the draft branches on
/// the provider and rebuilds the table on SQLite in SQL, the way EF would.
/// </remarks>
public sealed class MigrationCode(IRelationalModel model, SqliteTableRebuild rebuild)
{
    private static readonly HashSet<(string Item, DifferenceKind Kind)> InPlaceOnSqlite =
    [
        ("column", DifferenceKind.Missing), ("index", DifferenceKind.Missing), ("index", DifferenceKind.Extra), ("index", DifferenceKind.Changed),
    ];

    private readonly StringBuilder _code = new();
    private string _indent = "";

    public string Up(MigrationDrift drift)
    {
        _code.Clear();
        foreach (var missing in drift.Differences.Where(d => d is { Item: "table", Kind: DifferenceKind.Missing }))
            CreateTable(model.FindTable(missing.Table, null)!, drift.Model.Find(missing.Table)!);

        foreach (var changes in drift.Differences.Where(d => d.Item != "table").GroupBy(d => d.Table))
        {
            var table = model.FindTable(changes.Key, null)!;
            if (changes.All(d => InPlaceOnSqlite.Contains((d.Item, d.Kind))))
            {
                foreach (var difference in changes) Change(table, difference, drift);
                continue;
            }

            Line("if (migrationBuilder.IsSqlite())");
            Line("{");
            Indented(() => rebuild.Write(changes.Key, drift, Line));
            Line("}");
            Line("else");
            Line("{");
            Indented(() => { foreach (var difference in changes) Change(table, difference, drift); });
            Line("}");
        }

        foreach (var extra in drift.Differences.Where(d => d is { Item: "table", Kind: DifferenceKind.Extra }))
            Line($"migrationBuilder.DropTable({Str(extra.Table)});");
        return _code.ToString().TrimEnd();
    }

    private void Change(ITable table, SchemaDifference difference, MigrationDrift drift)
    {
        switch (difference.Item, difference.Kind)
        {
            case ("column", DifferenceKind.Missing): AddColumn(table.FindColumn(difference.Name)!); break;
            case ("column", DifferenceKind.Extra): Line($"migrationBuilder.DropColumn({Str(difference.Name)}, {Str(table.Name)});"); break;
            case ("column", DifferenceKind.Changed):
                AlterColumn(table.FindColumn(difference.Name)!, drift.Migrated.Find(table.Name)!.Columns.Single(c => c.Name == difference.Name));
                break;
            case ("index", DifferenceKind.Missing): CreateIndex(Index(table, difference.Name)); break;
            case ("index", DifferenceKind.Extra): Line($"migrationBuilder.DropIndex({Str(difference.Name)}, {Str(table.Name)});"); break;
            case ("index", DifferenceKind.Changed):
                Line($"migrationBuilder.DropIndex({Str(difference.Name)}, {Str(table.Name)});");
                CreateIndex(Index(table, difference.Name));
                break;
            case ("foreign key", DifferenceKind.Missing): AddForeignKey(ForeignKey(table, difference.Name)); break;
            case ("foreign key", DifferenceKind.Extra): DropForeignKey(table.Name, difference.Actual!); break;
            case ("foreign key", DifferenceKind.Changed):
                DropForeignKey(table.Name, difference.Actual!);
                AddForeignKey(ForeignKey(table, difference.Name));
                break;
            default:
                Line($"// {difference} - write this one by hand");
                break;
        }
    }

    private void CreateTable(ITable table, TableSchema schema)
    {
        Line("migrationBuilder.CreateTable(");
        Line($"    name: {Str(table.Name)},");
        Line("    columns: table => new");
        Line("    {");
        // In the order the model creates them (key first), which is the order EnsureCreated wrote them in.
        foreach (var column in schema.Columns.Select(c => table.FindColumn(c.Name)!))
            Line($"        {column.Name} = table.Column<{ClrName(column)}>({ColumnArguments(column)}),");
        Line("    },");
        var constraints = new List<string>();
        if (table.PrimaryKey is { } key) constraints.Add($"table.PrimaryKey({Str(key.Name)}, x => {Members(key.Columns)})");
        foreach (var foreignKey in table.ForeignKeyConstraints.OrderBy(f => f.Name))
        {
            constraints.Add($"table.ForeignKey({Str(foreignKey.Name)}, x => {Members(foreignKey.Columns)}, {Str(foreignKey.PrincipalTable.Name)}, " +
                $"{Names(foreignKey.PrincipalColumns)}, onDelete: ReferentialAction.{foreignKey.OnDeleteAction})");
        }
        if (constraints.Count == 1)
        {
            Line($"    constraints: table => {constraints[0]});");
        }
        else
        {
            Line("    constraints: table =>");
            Line("    {");
            constraints.ForEach(c => Line($"        {c};"));
            Line("    });");
        }
        foreach (var index in table.Indexes.OrderBy(i => i.Name)) CreateIndex(index);
    }

    private void AddColumn(IColumn column)
    {
        var needsDefault = !column.IsNullable && column.DefaultValue is null && column.DefaultValueSql is null;
        Line($"migrationBuilder.AddColumn<{ClrName(column)}>({Str(column.Name)}, {Str(column.Table.Name)}, {ColumnArguments(column)}" +
             (needsDefault ? $", defaultValue: {Literal(DefaultOf(column))}); // the value existing rows get" : ");"));
    }

    private void AlterColumn(IColumn column, ColumnSchema migrated)
    {
        // The old* arguments tell the provider what changes; without them a nullability change is silently skipped.
        var old = (migrated.MaxLength is { } maxLength ? $", oldMaxLength: {maxLength}" : "") + $", oldNullable: {Bool(migrated.IsNullable)}";
        Line($"migrationBuilder.AlterColumn<{ClrName(column)}>({Str(column.Name)}, {Str(column.Table.Name)}, {ColumnArguments(column)}{old});");
    }

    private void CreateIndex(ITableIndex index)
    {
        var options = (index.IsUnique ? ", unique: true" : "") + (index.Filter is null ? "" : $", filter: {Str(index.Filter)}");
        if (index.IsDescending is { Count: > 0 } descending && descending.Any(d => d))
            options += $", descending: new[] {{ {string.Join(", ", descending.Select(Bool))} }}";
        Line($"migrationBuilder.CreateIndex({Str(index.Name)}, {Str(index.Table.Name)}, {Names(index.Columns)}{options});");
    }

    private void AddForeignKey(IForeignKeyConstraint foreignKey)
    {
        var principal = foreignKey.PrincipalColumns.Count == 1 ? "principalColumn" : "principalColumns";
        Line($"migrationBuilder.AddForeignKey({Str(foreignKey.Name)}, {Str(foreignKey.Table.Name)}, {Names(foreignKey.Columns)}, " +
             $"{Str(foreignKey.PrincipalTable.Name)}, {principal}: {Names(foreignKey.PrincipalColumns)}, onDelete: ReferentialAction.{foreignKey.OnDeleteAction});");
    }

    /// <param name="described">The foreign key as <see cref="ForeignKeySchema.ToString"/> printed it: its name comes first when the database keeps one.</param>
    private void DropForeignKey(string table, string described)
    {
        var name = described.Split(' ')[0];
        Line(name.StartsWith('(')
            ? $"// drop the foreign key {described} of {table}: this database keeps no constraint names"
            : $"migrationBuilder.DropForeignKey({Str(name)}, {Str(table)});");
    }

    private static ITableIndex Index(ITable table, string name) => table.Indexes.Single(i => i.Name == name);

    private static IForeignKeyConstraint ForeignKey(ITable table, string key) => table.ForeignKeyConstraints.Single(f =>
        new ForeignKeySchema(f.Name, f.Columns.Select(c => c.Name).ToList(), f.PrincipalTable.Name, [], "").Key == key);

    private static string ColumnArguments(IColumn column)
    {
        var arguments = new List<string>();
        if (column.MaxLength is { } maxLength) arguments.Add($"maxLength: {maxLength}");
        arguments.Add($"nullable: {Bool(column.IsNullable)}");
        if (column.DefaultValueSql is { } sql) arguments.Add($"defaultValueSql: {Str(sql)}");
        else if (column.DefaultValue is { } value) arguments.Add($"defaultValue: {Literal(value)}");
        if (column.ComputedColumnSql is { } computed) arguments.Add($"computedColumnSql: {Str(computed)}, stored: {Bool(column.IsStored == true)}");
        return string.Join(", ", arguments);
    }

    private static object DefaultOf(IColumn column) =>
        column.ProviderClrType == typeof(string) ? "" : Activator.CreateInstance(Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType)!;

    private static string ClrName(IColumn column) => (Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType) switch
    {
        var t when t == typeof(long) => "long",
        var t when t == typeof(int) => "int",
        var t when t == typeof(short) => "short",
        var t when t == typeof(bool) => "bool",
        var t when t == typeof(string) => "string",
        var t when t == typeof(double) => "double",
        var t when t == typeof(decimal) => "decimal",
        var t when t == typeof(byte[]) => "byte[]",
        var t => t.Name,
    };

    private static string Literal(object value) => value switch
    {
        string s => Str(s),
        bool b => Bool(b),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        DateTimeOffset d => d == default ? "DateTimeOffset.MinValue" : $"DateTimeOffset.Parse({Str(d.ToString("O"))})",
        Guid g => g == Guid.Empty ? "Guid.Empty" : $"Guid.Parse({Str(g.ToString())})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => $"default /* {value} */",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Members(IReadOnlyList<IColumn> columns) =>
        columns.Count == 1 ? $"x.{columns[0].Name}" : $"new {{ {string.Join(", ", columns.Select(c => "x." + c.Name))} }}";

    private static string Names(IReadOnlyList<IColumn> columns) =>
        columns.Count == 1 ? Str(columns[0].Name) : $"new[] {{ {string.Join(", ", columns.Select(c => Str(c.Name)))} }}";

    internal static string Str(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private void Indented(Action write)
    {
        _indent += "    ";
        write();
        _indent = _indent[4..];
    }

    private void Line(string line) => _code.Append(_indent).AppendLine(line);
}
