using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

/// <summary>
/// The periodic check closes hub connections whose session ended where this node could not see it (another node
/// signed it out, or it expired): here the sessions are ended in the database directly, so no event reaches this node.
/// </summary>
public sealed class HubSessionCheckTests(HubSessionCheckTests.Factory api) : IClassFixture<HubSessionCheckTests.Factory>
{
    public sealed class Factory() : SessionCheckEvery("00:00:00.200");

    [Fact]
    public async Task Sessions_revoked_or_expired_in_the_database_have_their_connections_closed_by_a_check_and_active_ones_keep_theirs()
    {
        await using var revoked = await TwoConnectedSessions.OpenAsync(api);
        await using var expired = await TwoConnectedSessions.OpenAsync(api);

        await EndInDatabaseAsync(revoked.OtherAccessToken, "\"RevokedAt\" = now()");
        await EndInDatabaseAsync(expired.OtherAccessToken, "\"ExpiresAt\" = now() - interval '1 minute'");

        // Many check intervals: the closes are awaited, not waited for.
        await Task.WhenAll(revoked.OtherHub.Closed, expired.OtherHub.Closed).WaitAsync(TimeSpan.FromSeconds(10));
        // The checks that closed them found the users' other sessions active: those connections stay open.
        await api.AssertStillReceivesEventsAsync(revoked.Hub, revoked.User);
        await api.AssertStillReceivesEventsAsync(expired.Hub, expired.User);
    }

    private async Task EndInDatabaseAsync(string accessToken, string ending) =>
        await api.Database!.ExecuteAsync($"UPDATE \"UserSessions\" SET {ending} WHERE \"Id\" = {await api.CurrentSessionIdAsync(accessToken)}");
}
