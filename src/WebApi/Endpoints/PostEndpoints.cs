using CleanBackend.Application.Comments;
using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Posts;
using CleanBackend.WebApi.OpenApi;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class PostEndpoints
{
    public static void MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/posts").WithTags("Posts");

        posts.MapPost("/", async (CreatePostCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var post = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/posts/{post.Id}", post);
            })
            .WithName("createPost")
            .WithSummary("Publish a post: text of 1-500 characters and up to 4 of your unused uploads (mediaIds)")
            .RequiresUser().WithProblems();

        posts.MapGet("/{id}", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPostQuery(id), ct)))
            .WithName("getPost")
            .WithSummary("A post")
            .WithProblems(StatusCodes.Status404NotFound);

        posts.MapPatch("/{id}", async (long id, TextBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditPostCommand(id, body.Text), ct)))
            .WithName("editPost")
            .WithSummary("Edit your post's text")
            .RequiresUser().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        posts.MapDelete("/{id}", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeletePostCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("deletePost")
            .WithSummary("Delete a post (its author or an admin); it leaves every feed")
            .RequiresUser().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        posts.MapPut("/{id}/like", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new LikePostCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("likePost")
            .WithSummary("Like a post (idempotent)")
            .RequiresUser().WithProblems(StatusCodes.Status404NotFound);

        posts.MapDelete("/{id}/like", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnlikePostCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("unlikePost")
            .WithSummary("Take back your like (idempotent)")
            .RequiresUser().WithProblems(StatusCodes.Status404NotFound);

        posts.MapPost("/{id}/comments", async (long id, TextBody body, IMediator mediator, CancellationToken ct) =>
            {
                var comment = await mediator.Send(new AddCommentCommand(id, body.Text), ct);
                return TypedResults.Created($"/api/comments/{comment.Id}", comment);
            })
            .WithName("addComment")
            .WithSummary("Comment on a post: text of 1-500 characters")
            .RequiresUser().WithProblems(StatusCodes.Status404NotFound);

        posts.MapGet("/{id}/comments", async (long id, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCommentsQuery(id, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithName("listComments")
            .WithSummary("A post's comments, newest first (cursor-paged)")
            .WithProblems(StatusCodes.Status404NotFound);

        app.MapDelete("/api/comments/{id}", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteCommentCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Posts")
            .WithName("deleteComment")
            .WithSummary("Delete a comment (its author, the post's author or an admin)")
            .RequiresUser().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    /// <summary>The body of an edit or a comment: <c>{ "text": "..." }</c>.</summary>
    [ValidatedAs(typeof(AddCommentCommand))]
    public sealed record TextBody(string Text);
}
