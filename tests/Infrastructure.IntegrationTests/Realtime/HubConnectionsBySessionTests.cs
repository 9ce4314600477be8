using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.Infrastructure.Realtime;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime;

public sealed class HubConnectionsBySessionTests
{
    [Fact]
    public void Closing_sessions_without_connections_here_does_nothing()
    {
        Assert.Equal(0, _connections.Close(new HashSet<long> { 1 }));
        var connection = Connected(session: 1);

        Assert.Equal(0, _connections.Close(new HashSet<long> { 2, 3 }));

        Assert.Equal(0, connection.Aborts);
        Assert.Equal([1L], _connections.SessionIds());
    }

    [Fact]
    public void Closing_a_session_aborts_all_its_connections_and_only_those()
    {
        var (phone, phoneAgain, laptop) = (Connected(session: 1), Connected(session: 1), Connected(session: 2));

        Assert.Equal(2, _connections.Close(new HashSet<long> { 1 }));

        Assert.Equal((1, 1, 0), (phone.Aborts, phoneAgain.Aborts, laptop.Aborts));
        Assert.Equal([2L], _connections.SessionIds());
    }

    [Fact]
    public void A_session_closed_twice_aborts_its_connections_once()
    {
        var connection = Connected(session: 1);

        Assert.Equal([1, 0], new[] { _connections.Close(new HashSet<long> { 1 }), _connections.Close(new HashSet<long> { 1 }) });
        Assert.Equal(1, connection.Aborts);
    }

    [Fact]
    public void Session_ids_are_listed_once_however_many_connections_they_have_and_removed_connections_drop_out()
    {
        var (first, second, other) = (Connected(session: 7), Connected(session: 7), Connected(session: 8));
        Assert.Equal([7L, 8L], _connections.SessionIds().Order());

        _connections.Remove(first);
        _connections.Remove(other);

        Assert.Equal([7L], _connections.SessionIds());
        Assert.Equal(1, _connections.Close(new HashSet<long> { 7, 8 }));
        Assert.Equal((0, 1, 0), (first.Aborts, second.Aborts, other.Aborts));
    }

    // The registry under test, next to the helper that fills it.
    private readonly HubConnectionsBySession _connections = new();

    private FakeHubCallerContext Connected(long session)
    {
        var connection = new FakeHubCallerContext(session);
        _connections.Add(connection, session);
        return connection;
    }
}
