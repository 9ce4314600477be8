using System.Reflection;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Domain.Common;
using CleanBackend.Domain.Social;
using CleanBackend.Domain.Users;
using MediatR;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence.Outbox;

/// <summary>A test-only command: registers a user whose entity raises the given events, like a real feature's aggregate would.</summary>
/// <param name="FailAfterSaving">Throw after SaveChanges wrote the change and its outbox rows, to prove they roll back together.</param>
public sealed record FollowCommand(string UserName, IReadOnlyList<UserFollowed> Events, bool FailAfterSaving = false) : ICommand<long>;

public sealed class FollowHandler(IAppDbContext db, IIdGenerator ids, IClock clock) : IRequestHandler<FollowCommand, long>
{
    // No entity in this branch raises events yet and Entity.Raise is protected: call it the way a subclass would.
    private static readonly MethodInfo Raise = typeof(Entity).GetMethod("Raise", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public async Task<long> Handle(FollowCommand request, CancellationToken cancellationToken)
    {
        var user = new User(ids.NextId(), request.UserName, $"{request.UserName}@example.test", request.UserName, Roles.User, clock.UtcNow);
        foreach (var domainEvent in request.Events) Raise.Invoke(user, [domainEvent]);
        db.Users.Add(user);

        if (request.FailAfterSaving)
        {
            await db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException("The command failed after saving.");
        }
        return user.Id;
    }
}
