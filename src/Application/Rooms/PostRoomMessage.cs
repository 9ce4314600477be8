using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Common.Validation;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Rooms;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Rooms;

/// <summary>
/// Persists a message said in a room. The push to the room's connections follows the commit (RoomMessagePosted),
/// so nobody receives a message that was not saved.
/// </summary>
[Authorize]
public sealed record PostRoomMessageCommand(long RoomId, string Text) : ICommand<RoomMessageDto>;

public sealed class PostRoomMessageValidator : AbstractValidator<PostRoomMessageCommand>
{
    public PostRoomMessageValidator() =>
        RuleFor(x => x.Text).NotEmpty().MaximumCharacters(RoomMessage.TextMaxLength);
}

public sealed class PostRoomMessageHandler(IAppDbContext db, ICurrentUser caller, IIdGenerator ids, IClock clock)
    : IRequestHandler<PostRoomMessageCommand, RoomMessageDto>
{
    public async Task<RoomMessageDto> Handle(PostRoomMessageCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var room = await db.RequireEnterableAsync(request.RoomId, me, cancellationToken);
        var sender = await UserSummaryDto.OfAsync(db, me, cancellationToken);

        var message = room.Post(ids.NextId(), me, request.Text, clock.UtcNow);
        db.RoomMessages.Add(message);
        return new RoomMessageDto(message.Id, room.Id, sender, message.Text, message.CreatedAt);
    }
}
