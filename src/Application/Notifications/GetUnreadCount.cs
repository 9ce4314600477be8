using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using MediatR;

namespace CleanBackend.Application.Notifications;

[Authorize]
public sealed record GetUnreadCountQuery : IQuery<UnreadCountDto>;

public sealed class GetUnreadCountHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetUnreadCountQuery, UnreadCountDto>
{
    public Task<UnreadCountDto> Handle(GetUnreadCountQuery request, CancellationToken cancellationToken) =>
        UnreadCountDto.OfAsync(db, caller.RequiredUserId, cancellationToken);
}
