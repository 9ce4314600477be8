using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Common.Validation;
using CleanBackend.Application.Users;
using CleanBackend.Domain.Broadcasts;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Broadcasts;

/// <summary>An admin's message to every connected client. Saved first; pushed after commit (BroadcastSent).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record SendBroadcastCommand(string Message) : ICommand<BroadcastDto>;

public sealed class SendBroadcastValidator : AbstractValidator<SendBroadcastCommand>
{
    public SendBroadcastValidator() =>
        RuleFor(x => x.Message).NotEmpty().MaximumCharacters(Broadcast.MessageMaxLength);
}

public sealed class SendBroadcastHandler(IAppDbContext db, ICurrentUser caller, IIdGenerator ids, IClock clock)
    : IRequestHandler<SendBroadcastCommand, BroadcastDto>
{
    public async Task<BroadcastDto> Handle(SendBroadcastCommand request, CancellationToken cancellationToken)
    {
        var sender = await UserSummaryDto.OfAsync(db, caller.RequiredUserId, cancellationToken);
        var broadcast = new Broadcast(ids.NextId(), sender.Id, request.Message, clock.UtcNow);
        db.Broadcasts.Add(broadcast);
        return new BroadcastDto(broadcast.Id, broadcast.Message, broadcast.SentAt, sender);
    }
}
