using System.Collections.Concurrent;
using Npgsql;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence.Outbox;

/// <summary>What the test's event handlers saw, and which events they should fail on (by FolloweeId).</summary>
public sealed class OutboxProbe(string connectionString)
{
    public ConcurrentQueue<string> Timeline { get; } = new();
    public ConcurrentQueue<RaisedObservation> Raised { get; } = new();
    public ConcurrentQueue<CommittedObservation> Committed { get; } = new();
    public ConcurrentDictionary<long, bool> FailRaisedFor { get; } = new();
    public ConcurrentDictionary<long, bool> FailCommittedFor { get; } = new();

    /// <summary>Events whose committed handler fails with a database error (a statement PostgreSQL rejects).</summary>
    public ConcurrentDictionary<long, bool> FailCommittedStatementFor { get; } = new();

    /// <summary>Counts rows through a connection of its own: it only sees what has been committed.</summary>
    public async Task<long> CountCommittedAsync(string table, string column, long value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = @value", connection);
        command.Parameters.AddWithValue("value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed record RaisedObservation(long FolloweeId, bool InsideTransaction, long CommittedOutboxRows);

public sealed record CommittedObservation(long FolloweeId, long OutboxId, long CommittedOutboxRows, long CommittedUsers);
