using System.Text.RegularExpressions;

namespace CleanBackend.SchemaComparison;

/// <summary>Picks the statements about given tables out of EF's <c>GenerateCreateScript()</c> output.</summary>
public static partial class CreateScriptStatements
{
    /// <summary>The CREATE TABLE / CREATE INDEX / ALTER TABLE statements whose target is one of <paramref name="tables"/>, in script order.</summary>
    public static IReadOnlyList<string> For(string createScript, IReadOnlyCollection<string> tables)
    {
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in createScript.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (current.Count == 0 && line.Trim().Length == 0) continue;
            current.Add(line);
            if (!line.TrimEnd().EndsWith(';')) continue;
            var statement = string.Join('\n', current);
            current.Clear();
            if (Target().Match(statement) is { Success: true } target && tables.Contains(target.Groups[1].Value)) statements.Add(statement);
        }
        return statements;
    }

    [GeneratedRegex("""^\s*(?:CREATE\s+TABLE|ALTER\s+TABLE|CREATE\s+(?:UNIQUE\s+)?INDEX\s+"[^"]+"\s+ON)\s+"([^"]+)"\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex Target();
}
