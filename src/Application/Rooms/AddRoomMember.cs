using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Rooms;
using CleanBackend.Domain.Users;
using FluentValidation;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Rooms;

/// <summary>The owner of a private room lets another user in. Adding a member twice changes nothing.</summary>
[Authorize]
public sealed record AddRoomMemberCommand(long RoomId, string UserName) : ICommand;

public sealed class AddRoomMemberValidator : AbstractValidator<AddRoomMemberCommand>
{
    public AddRoomMemberValidator() => RuleFor(x => x.UserName).NotEmpty().MaximumLength(User.UserNameMaxLength);
}

public sealed class AddRoomMemberHandler(IAppDbContext db, ICurrentUser caller, IClock clock) : IRequestHandler<AddRoomMemberCommand, Unit>
{
    public async Task<Unit> Handle(AddRoomMemberCommand request, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == request.RoomId, cancellationToken)
            ?? throw new NotFoundException($"There is no room {request.RoomId}.");
        if (room.OwnerId != caller.RequiredUserId) throw new ForbiddenException("Only the room's owner adds members.");
        if (!room.IsPrivate) throw new ConflictException("This room is public: anybody may join it, so it has no members to add.");

        var userName = request.UserName.Trim().ToLowerInvariant();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException("userName", $"There is no user named '{request.UserName}'.");

        // ON CONFLICT DO NOTHING: two concurrent adds of the same member both succeed, as adding twice should.
        await db.AddIfAbsentAsync(new RoomMember(room.Id, userId, clock.UtcNow), cancellationToken);
        return Unit.Value;
    }
}
