using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Rooms;

/// <summary>Every public room and the private rooms the caller is a member of, newest first.</summary>
[Authorize]
public sealed record ListRoomsQuery(string? Cursor, int Limit = Cursor.DefaultLimit) : IQuery<CursorPage<RoomDto>>;

public sealed class ListRoomsValidator : AbstractValidator<ListRoomsQuery>
{
    public ListRoomsValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
}

public sealed class ListRoomsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<ListRoomsQuery, CursorPage<RoomDto>>
{
    public async Task<CursorPage<RoomDto>> Handle(ListRoomsQuery request, CancellationToken cancellationToken)
    {
        Cursor.TryDecode(request.Cursor, out var before);
        var me = caller.RequiredUserId;
        var visible = db.Rooms.Where(r => r.Id < before
            && (!r.IsPrivate || db.RoomMembers.Any(m => m.RoomId == r.Id && m.UserId == me)));

        var rows = await RoomDto.NewestFirst(visible, db.Users).Take(request.Limit + 1).ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.Id);
    }
}
