using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>Recognises a unique-constraint violation on either provider, so a race on a unique key becomes a 409.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    public static bool IsCause(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };
}
