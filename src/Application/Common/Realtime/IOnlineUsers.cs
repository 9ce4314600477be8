namespace CleanBackend.Application.Common.Realtime;

/// <summary>
/// Which users have at least one hub connection, across all nodes. Lets slow work (feed fan-out) push only
/// to the users who can receive it instead of to every follower.
/// </summary>
public interface IOnlineUsers
{
    Task<IReadOnlyCollection<long>> GetOnlineUserIdsAsync(CancellationToken cancellationToken = default);
}
