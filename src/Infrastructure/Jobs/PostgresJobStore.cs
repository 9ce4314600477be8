using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace CleanBackend.Infrastructure.Jobs;

/// <summary>Hangfire.PostgreSql in the application's database, schema <c>hangfire</c>.</summary>
public static class PostgresJobStore
{
    /// <summary>
    /// How old a row of <c>hangfire.lock</c> must be before another node may take the lock over. The store's locks are
    /// rows, released by their holder: one held when PostgreSQL stopped or restarted (or its node was killed) stays
    /// behind, and with the store's default (10 minutes) it blocked that lock's resource for as long; for a pending-job
    /// lock of <see cref="HangfireBackgroundJobs"/> that is the outbox event enqueuing the job, and every later event of
    /// its aggregate. Every holder here keeps its lock for milliseconds (a duplicate check and an enqueue, Hangfire's
    /// scheduling passes), so a lock this old is abandoned.
    /// </summary>
    public static readonly TimeSpan AbandonedLockAge = TimeSpan.FromSeconds(10);

    // The advisory lock under which one starting node at a time installs or upgrades the schema; "CBJOBSCH" in ASCII.
    private const long SchemaLock = 0x43424A4F42534348;

    /// <summary>
    /// The store, with its schema installed first. Nodes of a deployment start together, and Hangfire.PostgreSql's own
    /// installer (PrepareSchemaIfNecessary) is not safe against that: of three nodes starting at once, one failed with
    /// "could not find tuple for constraint". So they take turns under an advisory lock, as they do for migrations.
    /// </summary>
    public static PostgreSqlStorage Create(string connectionString, TimeSpan pollInterval, TimeSpan invisibilityTimeout)
    {
        InstallSchema(connectionString);
        var options = new PostgreSqlStorageOptions
        {
            QueuePollInterval = pollInterval,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = invisibilityTimeout,
            PrepareSchemaIfNecessary = false,
            DistributedLockTimeout = AbandonedLockAge,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    private static void InstallSchema(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", connection)) take.ExecuteNonQuery();
        try
        {
            PostgreSqlObjectsInstaller.Install(connection);
        }
        finally
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLock})", connection);
            release.ExecuteNonQuery();
        }
    }
}
