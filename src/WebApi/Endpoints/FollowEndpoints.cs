using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Follows;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class FollowEndpoints
{
    public static void MapFollowEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users/{userName}").WithTags("Follows");

        users.MapPut("/follow", async (string userName, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new FollowUserCommand(userName), ct);
                return TypedResults.NoContent();
            })
            .WithName("followUser")
            .WithSummary("Follow a user (idempotent); their latest posts join your feed shortly")
            .RequiresUser().WithProblems(StatusCodes.Status404NotFound);

        users.MapDelete("/follow", async (string userName, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UnfollowUserCommand(userName), ct);
                return TypedResults.NoContent();
            })
            .WithName("unfollowUser")
            .WithSummary("Unfollow a user (idempotent); their posts leave your feed shortly")
            .RequiresUser().WithProblems(StatusCodes.Status404NotFound);

        users.MapGet("/followers", async (string userName, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new ListFollowsQuery(userName, FollowDirection.Followers, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithName("listFollowers")
            .WithSummary("Who follows the user, most recent first (cursor-paged)")
            .WithProblems(StatusCodes.Status404NotFound);

        users.MapGet("/following", async (string userName, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new ListFollowsQuery(userName, FollowDirection.Following, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithName("listFollowing")
            .WithSummary("Whom the user follows, most recent first (cursor-paged)")
            .WithProblems(StatusCodes.Status404NotFound);
    }
}
