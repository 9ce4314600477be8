using CleanBackend.Application.Common.Exceptions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>Which constraint a database error broke, on either provider (PostgreSQL by SQL state, SQLite by message).</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>A unique key: the row raced with an equal one.</summary>
    public static bool IsUniqueViolation(Exception? ex) =>
        Is(ex, PostgresErrorCodes.UniqueViolation, "UNIQUE");

    /// <summary>A foreign key: what the row points at is gone.</summary>
    public static bool IsForeignKeyViolation(Exception? ex) =>
        Is(ex, PostgresErrorCodes.ForeignKeyViolation, "FOREIGN KEY");

    /// <summary>
    /// The database could not be reached or dropped the connection (stopped, restarting, a network fault, a full pool):
    /// the request may succeed if tried again shortly, so it is a 503, not a 500. Looked for down the inner exceptions,
    /// since EF wraps Npgsql's.
    /// </summary>
    public static bool IsUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is NpgsqlException { IsTransient: true }) return true;
        return false;
    }

    /// <summary>The answer to a foreign-key violation: what the caller referred to was deleted since it was looked up.</summary>
    public static NotFoundException ReferentGone() => new("What this refers to no longer exists.");

    private static bool Is(Exception? ex, string sqlState, string sqliteConstraint) => ex switch
    {
        PostgresException pg => pg.SqlState == sqlState,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains(sqliteConstraint, StringComparison.Ordinal),
        _ => false,
    };
}
