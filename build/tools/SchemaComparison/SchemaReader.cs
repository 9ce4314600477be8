using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CleanBackend.SchemaComparison;

/// <summary>Reads the schema of the database behind a DbContext from the database's own catalog.</summary>
public static class SchemaReader
{
    /// <summary>EF's bookkeeping, not part of any model.</summary>
    internal static readonly string[] IgnoredTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    public static async Task<SchemaSnapshot> ReadAsync(DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var connection = database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            return database.ProviderName switch
            {
                "Npgsql.EntityFrameworkCore.PostgreSQL" => await PostgresSchemaReader.ReadAsync(connection, cancellationToken),
                "Microsoft.EntityFrameworkCore.Sqlite" => await SqliteSchemaReader.ReadAsync(connection, cancellationToken),
                var other => throw new NotSupportedException($"Reading the schema of a {other} database is not supported (PostgreSQL and SQLite are)."),
            };
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    internal static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    internal static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static IReadOnlyList<string> SplitList(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split('\u001f');
}
