using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Users;

/// <summary>A session ended early (logout, revoked by its user, refresh-token replay, password change).</summary>
public sealed record UserSessionRevoked(long SessionId, long UserId) : IDomainEvent
{
    public long AggregateId => SessionId;
}
