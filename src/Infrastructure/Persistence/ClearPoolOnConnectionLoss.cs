using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>
/// When a command fails because PostgreSQL went away (restart, failover), every idle pooled connection is dead too,
/// yet Npgsql finds that out only when each is next used: one failed request per stale connection, possibly minutes
/// later on a quiet node. Clearing the pool at the first such failure makes the node open fresh connections at once,
/// so it serves normally as soon as the server accepts connections again.
/// </summary>
public sealed class ClearPoolOnConnectionLoss : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearIfLost(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfLost(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void ClearIfLost(DbCommand command, Exception exception)
    {
        if (command.Connection is NpgsqlConnection connection && DbErrors.IsUnavailable(exception)) NpgsqlConnection.ClearPool(connection);
    }
}
