using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Posts;

/// <summary>A user's profile timeline: their posts, newest first.</summary>
public sealed record GetUserPostsQuery(string UserName, string? Cursor, int Limit) : IQuery<CursorPage<PostDto>>;

public sealed class GetUserPostsValidator : AbstractValidator<GetUserPostsQuery>
{
    public GetUserPostsValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        this.AddPageRules(x => x.Cursor, x => x.Limit);
    }
}

public sealed class GetUserPostsHandler(IAppDbContext db, ICurrentUser caller) : IRequestHandler<GetUserPostsQuery, CursorPage<PostDto>>
{
    public async Task<CursorPage<PostDto>> Handle(GetUserPostsQuery request, CancellationToken cancellationToken)
    {
        var authorId = await db.RequireUserIdAsync(request.UserName, cancellationToken);
        return await db.Posts.Where(p => p.AuthorId == authorId)
            .ToPostPageAsync(db, caller.UserId, request.Cursor, request.Limit, cancellationToken);
    }
}
