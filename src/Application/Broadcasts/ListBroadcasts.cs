using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Broadcasts;

/// <summary>Past broadcasts, newest first, so a client that was offline reads what it missed.</summary>
[Authorize]
public sealed record ListBroadcastsQuery(string? Cursor, int Limit = Cursor.DefaultLimit) : IQuery<CursorPage<BroadcastDto>>;

public sealed class ListBroadcastsValidator : AbstractValidator<ListBroadcastsQuery>
{
    public ListBroadcastsValidator() => this.AddPageRules(x => x.Cursor, x => x.Limit);
}

public sealed class ListBroadcastsHandler(IAppDbContext db) : IRequestHandler<ListBroadcastsQuery, CursorPage<BroadcastDto>>
{
    public async Task<CursorPage<BroadcastDto>> Handle(ListBroadcastsQuery request, CancellationToken cancellationToken)
    {
        Cursor.TryDecode(request.Cursor, out var before);
        var rows = await BroadcastDto.NewestFirst(db.Broadcasts.Where(b => b.Id < before), db.Users)
            .Take(request.Limit + 1).ToListAsync(cancellationToken);
        return Cursor.ToPage(rows, request.Limit, b => b.Id);
    }
}
