using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Rooms;

/// <summary>A room's messages, newest first: what a client reads to catch up after being away.</summary>
[Authorize]
public sealed record ListRoomMessagesQuery(long RoomId, string? Cursor, int Limit = Cursor.DefaultLimit) : IQuery<CursorPage<RoomMessageDto>>;

public sealed class ListRoomMessagesValidator : AbstractValidator<ListRoomMessagesQuery>
{
    public ListRoomMessagesValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
}

public sealed class ListRoomMessagesHandler(IAppDbContext db, ICurrentUser caller)
    : IRequestHandler<ListRoomMessagesQuery, CursorPage<RoomMessageDto>>
{
    public async Task<CursorPage<RoomMessageDto>> Handle(ListRoomMessagesQuery request, CancellationToken cancellationToken)
    {
        await db.RequireEnterableAsync(request.RoomId, caller.RequiredUserId, cancellationToken);
        Cursor.TryDecode(request.Cursor, out var before);
        var messages = db.RoomMessages.Where(m => m.RoomId == request.RoomId && m.Id < before);

        var rows = await RoomMessageDto.NewestFirst(messages, db.Users).Take(request.Limit + 1).ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, request.Limit, m => m.Id);
    }
}
