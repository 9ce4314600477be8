using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Feed;
using CleanBackend.Application.Posts;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class FeedEndpoints
{
    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feed", async (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetHomeFeedQuery(cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithTags("Feed")
            .WithName("getHomeFeed")
            .WithSummary("Your home feed: your posts and those of whom you follow, newest first (cursor-paged)")
            .RequiresUser().WithProblems();

        app.MapGet("/api/users/{userName}/posts", async (string userName, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetUserPostsQuery(userName, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithTags("Feed")
            .WithName("getUserPosts")
            .WithSummary("A user's profile timeline: their posts, newest first (cursor-paged)")
            .WithProblems(StatusCodes.Status404NotFound);
    }
}
