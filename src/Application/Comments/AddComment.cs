using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Application.Posts;
using CleanBackend.Application.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Comments;

[Authorize]
public sealed record AddCommentCommand(long PostId, string Text) : ICommand<CommentDto>;

public sealed class AddCommentValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentValidator() => RuleFor(x => x.Text).ValidPostText();
}

public sealed class AddCommentHandler(IAppDbContext db, ICurrentUser caller, IIdGenerator ids, IClock clock)
    : IRequestHandler<AddCommentCommand, CommentDto>
{
    public async Task<CommentDto> Handle(AddCommentCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var post = await db.RequirePostAsync(request.PostId, cancellationToken);
        var author = await UserSummaryDto.OfAsync(db, me, cancellationToken);

        var comment = post.AddComment(ids.NextId(), me, request.Text, clock.UtcNow);
        db.Comments.Add(comment);
        await db.AddToCommentCountAsync(post.Id, 1, cancellationToken);
        return new CommentDto(comment.Id, comment.PostId, author, comment.Text, comment.CreatedAt);
    }
}
