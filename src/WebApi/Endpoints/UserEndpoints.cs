using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Users;
using CleanBackend.WebApi.Setup;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");

        users.MapGet("", (string? query, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SearchUsersQuery(query ?? "", cursor, limit ?? Cursor.DefaultLimit), ct))
            .WithName("searchUsers")
            .WithSummary("Users whose userName or displayName starts with query (any case): userName matches first, cursor-paged")
            .WithProblems();

        users.MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMyProfileQuery(), ct))
            .WithName("getMyProfile")
            .WithSummary("The caller's own account, with email")
            .WithProblems()
            .RequiresUser();

        users.MapPatch("/me", (UpdateMyProfileCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
            .WithName("updateMyProfile")
            .WithSummary("Set displayName and bio (a null or empty bio clears it)")
            .WithProblems()
            .RequiresUser();

        users.MapPost("/me/password", async (ChangeMyPasswordCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("changeMyPassword")
            .WithSummary("Change the password (a wrong currentPassword is a field error); signs out the caller's other sessions")
            .RequireRateLimiting(RateLimitingSetup.AuthPolicy)
            .WithProblems(StatusCodes.Status429TooManyRequests)
            .RequiresUser();

        users.MapGet("/{userName}", (string userName, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetUserProfileQuery(userName), ct))
            .WithName("getUserProfile")
            .WithSummary("A user's public profile")
            .WithProblems(StatusCodes.Status404NotFound);
    }
}
