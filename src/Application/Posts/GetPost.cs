using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Posts;

public sealed record GetPostQuery(long Id) : IQuery<PostDto>;

public sealed class GetPostHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetPostQuery, PostDto>
{
    public async Task<PostDto> Handle(GetPostQuery request, CancellationToken cancellationToken) =>
        await db.Posts.Where(p => p.Id == request.Id).ToPostDtos(db, caller.UserId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such post.");
}
