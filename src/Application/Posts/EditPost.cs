using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Posts;

/// <summary>Replaces the text (author only); users mentioned for the first time by the new text are notified.</summary>
[Authorize]
public sealed record EditPostCommand(long Id, string Text) : ICommand<PostDto>;

public sealed class EditPostValidator : AbstractValidator<EditPostCommand>
{
    public EditPostValidator() => RuleFor(x => x.Text).ValidPostText();
}

public sealed class EditPostHandler(IAppDbContext db, ICurrentUser caller, IClock clock) : IRequestHandler<EditPostCommand, PostDto>
{
    public async Task<PostDto> Handle(EditPostCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var post = await db.RequirePostAsync(request.Id, cancellationToken);
        if (post.AuthorId != me) throw new ForbiddenException("Only the author can edit a post.");

        var newlyMentioned = await MentionedUsers.FindNewAsync(db, post.Text, request.Text, cancellationToken);
        post.Edit(request.Text, newlyMentioned, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadPostAsync(post.Id, me, cancellationToken);
    }
}
