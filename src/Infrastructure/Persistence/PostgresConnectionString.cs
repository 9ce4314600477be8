using System.Data.Common;
using Npgsql;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>
/// What the nodes add to <c>ConnectionStrings:Database</c> so that a PostgreSQL outage costs each request seconds, not
/// the client's patience; what the operator wrote wins. No EF retrying strategy: it cannot retry the unit of work's
/// own transactions, and a request failing fast with a 503 lets the client (or nginx, see deploy/) decide.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>
    /// Opening a connection gives up after this (Npgsql's default, 15 s, would hold every request that long while a
    /// host is unreachable). A refused connection, the usual case of a stopped server, fails at once anyway.
    /// </summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public static string WithOutageDefaults(string connectionString)
    {
        // The plain builder knows only the keys written; Npgsql's answers ContainsKey for every key it supports.
        if (new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)ConnectTimeout.TotalSeconds }.ConnectionString;
    }
}
