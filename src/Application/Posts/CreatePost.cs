using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Social;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.Posts;

/// <summary><see cref="MediaIds"/>: up to four uploads of the caller that no post uses yet, in display order.</summary>
[Authorize]
public sealed record CreatePostCommand(string Text, IReadOnlyList<long>? MediaIds) : ICommand<PostDto>;

public sealed class CreatePostValidator : AbstractValidator<CreatePostCommand>
{
    public CreatePostValidator()
    {
        RuleFor(x => x.Text).ValidPostText();
        RuleFor(x => x.MediaIds)
            .Must(ids => ids!.Count <= Post.MaxMedia).WithMessage($"A post has at most {Post.MaxMedia} media.")
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("mediaIds must not repeat an id.")
            .When(x => x.MediaIds is not null);
    }
}

public sealed class CreatePostHandler(IAppDbContext db, ICurrentUser caller, IIdGenerator ids, IClock clock)
    : IRequestHandler<CreatePostCommand, PostDto>
{
    public async Task<PostDto> Handle(CreatePostCommand request, CancellationToken cancellationToken)
    {
        var me = caller.RequiredUserId;
        var mediaIds = request.MediaIds ?? [];
        var media = mediaIds.Count == 0
            ? []
            : await db.MediaFiles.Where(m => mediaIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

        var mentioned = await MentionedUsers.FindAsync(db, Mentions.Find(request.Text), cancellationToken);
        var post = new Post(ids.NextId(), me, request.Text, mentioned, clock.UtcNow);
        for (var position = 0; position < mediaIds.Count; position++)
        {
            // Someone else's upload is reported exactly like a missing one: ids of others' media are not confirmed.
            if (!media.TryGetValue(mediaIds[position], out var file) || file.OwnerId != me)
                throw new ValidationException("mediaIds", $"Media {mediaIds[position]} is not an upload of yours.");
            file.AttachTo(post.Id, position);
        }

        db.Posts.Add(post);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException) when (media.Count > 0)
        {
            // An upload's PostId is a concurrency token: another post took one of these between our read and our save.
            throw new ValidationException("mediaIds", "One of these media is already used by another post.");
        }
        return await db.ReadPostAsync(post.Id, me, cancellationToken);
    }
}
