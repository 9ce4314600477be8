using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Notifications;

/// <summary>The caller's notifications, newest first; <see cref="UnreadOnly"/> leaves out the read ones.</summary>
[Authorize]
public sealed record ListNotificationsQuery(string? Cursor, int Limit = Cursor.DefaultLimit, bool UnreadOnly = false)
    : IQuery<CursorPage<NotificationDto>>;

public sealed class ListNotificationsValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
}

public sealed class ListNotificationsHandler(IAppDbContext db, ICurrentUser caller)
    : IRequestHandler<ListNotificationsQuery, CursorPage<NotificationDto>>
{
    public async Task<CursorPage<NotificationDto>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        Cursor.TryDecode(request.Cursor, out var before);
        var me = caller.RequiredUserId;
        var mine = db.Notifications.Where(n => n.RecipientId == me && n.Id < before);
        if (request.UnreadOnly) mine = mine.Where(n => n.ReadAt == null);

        var rows = await NotificationDto.NewestFirst(mine, db.Users).Take(request.Limit + 1).ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, request.Limit, n => n.Id);
    }
}
