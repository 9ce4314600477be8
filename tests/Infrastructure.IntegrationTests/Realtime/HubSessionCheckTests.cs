using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.Infrastructure.Realtime;
using CleanBackend.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime;

/// <summary>The periodic session check's query on both providers (SQLite can't compare DateTimeOffset values in SQL).</summary>
public sealed class HubSessionCheckTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Connections_of_revoked_expired_and_unknown_sessions_are_closed_and_those_of_active_ones_kept(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var services = new AppServices(database, s => s.Configure<RealtimeOptions>(o => o.SessionCheckInterval = TimeSpan.FromMilliseconds(50)));
        await services.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            db.Users.Add(new User(1, "owner", "owner@example.test", "Owner", Roles.User, Now));
            db.UserSessions.Add(Session(10, expiresAt: Now.AddDays(1)));
            db.UserSessions.Add(Session(11, expiresAt: Now.AddDays(1), revoked: true));
            db.UserSessions.Add(Session(12, expiresAt: Now.AddMinutes(-1)));
            return await db.SaveChangesAsync();
        });
        var connections = services.Provider.GetRequiredService<HubConnectionsBySession>();
        var (active, revoked, expired, unknown) = (new FakeHubCallerContext(10), new FakeHubCallerContext(11), new FakeHubCallerContext(12), new FakeHubCallerContext(13));
        connections.Add(active, 10);
        connections.Add(revoked, 11);
        connections.Add(expired, 12);
        connections.Add(unknown, 13);

        // On its own: the node's other hosted services (the scheduler, the backplane) have no part here.
        using var check = ActivatorUtilities.CreateInstance<HubSessionCheck>(services.Provider);
        await check.StartAsync(CancellationToken.None);
        try
        {
            // One check decides for all four sessions at once: once the ended ones are closed, the active one was kept.
            await Task.WhenAll(revoked.Aborted, expired.Aborted, unknown.Aborted).WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await check.StopAsync(CancellationToken.None);
        }

        Assert.Equal(0, active.Aborts);
        Assert.Equal([10L], connections.SessionIds());
    }

    [Fact]
    public async Task A_failing_query_is_logged_as_a_warning_and_the_next_check_tries_again()
    {
        await using var database = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var logs = new CapturedLogs(LogLevel.Information);
        await using var services = new AppServices(database, s =>
        {
            s.Configure<RealtimeOptions>(o => o.SessionCheckInterval = TimeSpan.FromMilliseconds(50));
            s.AddLogging(logging => logging.AddProvider(logs));
        });
        var connection = new FakeHubCallerContext(11);
        services.Provider.GetRequiredService<HubConnectionsBySession>().Add(connection, 11);
        using var check = ActivatorUtilities.CreateInstance<HubSessionCheck>(services.Provider);

        // No tables yet: every query fails until the schema exists.
        await check.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Category == typeof(HubSessionCheck).FullName)),
                "the failed check is logged as a warning");
            await services.WithDbAsync(async db =>
            {
                await db.Database.MigrateAsync();
                db.Users.Add(new User(1, "owner", "owner@example.test", "Owner", Roles.User, Now));
                db.UserSessions.Add(Session(11, expiresAt: Now.AddDays(1), revoked: true));
                return await db.SaveChangesAsync();
            });
            await connection.Aborted.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await check.StopAsync(CancellationToken.None);
        }

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Closed 1 hub connection(s) of 1 session(s)", StringComparison.Ordinal));
    }

    private static UserSession Session(long id, DateTimeOffset expiresAt, bool revoked = false)
    {
        var session = new UserSession(id, userId: 1, refreshTokenHash: $"hash-{id}", Now.AddHours(-1), expiresAt, userAgent: null, ip: null);
        if (revoked) session.Revoke(Now);
        return session;
    }
}
