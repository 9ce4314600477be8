namespace CleanBackend.SchemaComparison;

public enum DifferenceKind
{
    /// <summary>The expected schema has it, the actual one does not.</summary>
    Missing,

    /// <summary>The actual schema has it, the expected one does not.</summary>
    Extra,

    /// <summary>Both have it, with different definitions.</summary>
    Changed,
}

/// <summary>One way two schemas differ, e.g. a missing index or a column whose nullability differs.</summary>
/// <param name="Item">"table", "column", "primary key", "foreign key", "index" or "check constraint".</param>
/// <param name="Name">The item's name; a foreign key's <see cref="ForeignKeySchema.Key"/>; empty for the primary key.</param>
public sealed record SchemaDifference(string Table, string Item, string Name, DifferenceKind Kind, string? Expected, string? Actual)
{
    public override string ToString() => Kind switch
    {
        DifferenceKind.Missing => $"missing {Label}: {Expected}",
        DifferenceKind.Extra => $"extra {Label}: {Actual}",
        _ => $"{Label} differs: expected {Expected}, actual {Actual}",
    };

    private string Label => Name.Length == 0 ? Item : Item == "foreign key" ? $"{Item} {Name}" : $"{Item} \"{Name}\"";
}
