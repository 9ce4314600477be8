using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Notifications;

/// <summary>
/// Marks the caller's notifications read: the listed <see cref="Ids"/>, or every one with <see cref="All"/>
/// (exactly one of the two). Ids that are not the caller's, or already read, are skipped. Returns the new unread count.
/// </summary>
[Authorize]
public sealed record MarkNotificationsReadCommand(IReadOnlyList<long>? Ids, bool? All) : ICommand<UnreadCountDto>;

public sealed class MarkNotificationsReadValidator : AbstractValidator<MarkNotificationsReadCommand>
{
    public MarkNotificationsReadValidator()
    {
        RuleFor(x => x.Ids)
            .Must((command, ids) => ids is not null || command.All == true)
            .WithMessage("Send either ids (the notifications to mark read) or all: true.")
            .Must((command, ids) => ids is null || command.All is null)
            .WithMessage("Send either ids or all, not both.");
        RuleFor(x => x.Ids!.Count)
            .InclusiveBetween(1, Cursor.MaxLimit).OverridePropertyName("ids")
            .WithMessage($"ids must list between 1 and {Cursor.MaxLimit} notifications.")
            .When(x => x.Ids is not null);
        RuleFor(x => x.All).Equal(true).WithMessage("all must be true when given.").When(x => x.All is not null);
    }
}

public sealed class MarkNotificationsReadHandler(IAppDbContext db, ICurrentUser caller, IClock clock)
    : IRequestHandler<MarkNotificationsReadCommand, UnreadCountDto>
{
    public async Task<UnreadCountDto> Handle(MarkNotificationsReadCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var unread = db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null);
        if (request.All != true)
        {
            var ids = request.Ids!.ToList();
            unread = unread.Where(n => ids.Contains(n.Id));
        }

        var now = clock.UtcNow;
        await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return await UnreadCountDto.OfAsync(db, me, cancellationToken);
    }
}
