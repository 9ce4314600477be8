namespace CleanBackend.SchemaComparison;

/// <summary>The tables of one database as its catalog describes them (EF's own bookkeeping tables left out).</summary>
public sealed record SchemaSnapshot(IReadOnlyList<TableSchema> Tables)
{
    public TableSchema? Find(string table) => Tables.FirstOrDefault(t => t.Name == table);
}

public sealed record TableSchema(
    string Name,
    IReadOnlyList<ColumnSchema> Columns,
    PrimaryKeySchema? PrimaryKey,
    IReadOnlyList<ForeignKeySchema> ForeignKeys,
    IReadOnlyList<IndexSchema> Indexes,
    IReadOnlyList<CheckConstraintSchema> CheckConstraints);

/// <param name="Type">The store type as the database reports it, e.g. <c>character varying(30)</c> or <c>TEXT</c>.</param>
/// <param name="MaxLength">Declared character length; SQLite has none (EF maps every string to TEXT there).</param>
/// <param name="Default">Default expression, identity or generation clause; null when there is none.</param>
public sealed record ColumnSchema(string Name, string Type, bool IsNullable, int? MaxLength, string? Default)
{
    public override string ToString() =>
        $"{Type}{(MaxLength is { } max && !Type.Contains($"({max})") ? $" max {max}" : "")} {(IsNullable ? "NULL" : "NOT NULL")}" +
        (Default is null ? "" : $" DEFAULT {Default}");
}

/// <param name="Name">Null where the database does not keep constraint names (SQLite).</param>
public sealed record PrimaryKeySchema(string? Name, IReadOnlyList<string> Columns)
{
    public override string ToString() => $"{Name ?? "(unnamed)"} ({string.Join(", ", Columns)})";
}

/// <param name="Name">Null where the database does not keep constraint names (SQLite).</param>
/// <param name="OnDelete">NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT.</param>
public sealed record ForeignKeySchema(string? Name, IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, string OnDelete)
{
    /// <summary>What identifies the relationship when names are not available: its columns and the table it points to.</summary>
    public string Key => $"({string.Join(", ", Columns)}) -> {PrincipalTable}";

    public override string ToString() =>
        $"{(Name is null ? "" : Name + " ")}({string.Join(", ", Columns)}) -> {PrincipalTable} ({string.Join(", ", PrincipalColumns)}) ON DELETE {OnDelete}";
}

/// <param name="Columns">Key columns in order, " DESC" appended to descending ones; expressions as the database prints them.</param>
/// <param name="Method">Access method where the database has several (PostgreSQL: btree, gin, ...); null on SQLite.</param>
public sealed record IndexSchema(string Name, IReadOnlyList<string> Columns, bool IsUnique, string? Filter, string? Method)
{
    public override string ToString() =>
        $"{(IsUnique ? "UNIQUE " : "")}({string.Join(", ", Columns)})" +
        (Method is null or "btree" ? "" : $" USING {Method}") +
        (Filter is null ? "" : $" WHERE {Filter}");
}

public sealed record CheckConstraintSchema(string Name, string Definition)
{
    public override string ToString() => $"{Name}: {Definition}";
}
