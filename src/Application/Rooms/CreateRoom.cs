using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Common.Validation;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Rooms;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Rooms;

/// <summary>Creates a room; the caller becomes its owner and first member.</summary>
[Authorize]
public sealed record CreateRoomCommand(string Name, bool IsPrivate) : ICommand<RoomDto>;

public sealed class CreateRoomValidator : AbstractValidator<CreateRoomCommand>
{
    public CreateRoomValidator() =>
        RuleFor(x => x.Name).NotEmpty().NoInvisibleCharacters().MaximumCharacters(Room.NameMaxLength);
}

public sealed class CreateRoomHandler(IAppDbContext db, ICurrentUser caller, IIdGenerator ids, IClock clock)
    : IRequestHandler<CreateRoomCommand, RoomDto>
{
    public async Task<RoomDto> Handle(CreateRoomCommand request, CancellationToken cancellationToken)
    {
        var owner = await UserSummaryDto.OfAsync(db, caller.RequiredUserId, cancellationToken);

        var room = new Room(ids.NextId(), request.Name, request.IsPrivate, owner.Id, clock.UtcNow);
        db.Rooms.Add(room);
        db.RoomMembers.Add(room.Owner());
        return RoomDto.From(room, owner);
    }
}
