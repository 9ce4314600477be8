using CleanBackend.Application.Auth;
using CleanBackend.Application.Users;
using CleanBackend.WebApi.Setup;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");

        auth.MapPost("/register", async (RegisterUserCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var user = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/users/{user.UserName}", user);
            })
            .WithName("registerUser")
            .WithSummary("Create an account")
            .RequireRateLimiting(RateLimitingSetup.AuthPolicy)
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);

        auth.MapPost("/login", async (LogInCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("logIn")
            .WithSummary("Sign in with userName or email; returns an access token and a refresh token")
            .RequireRateLimiting(RateLimitingSetup.AuthPolicy)
            .WithProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", async (RefreshTokensCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok((await mediator.Send(command, ct)).TokensOrThrow()))
            .WithName("refreshTokens")
            .WithSummary("Trade a refresh token for a new pair; presenting a used refresh token again ends its session")
            .WithProblems(StatusCodes.Status401Unauthorized);

        auth.MapPost("/logout", async (LogOutCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("logOut")
            .WithSummary("End the session the refresh token belongs to")
            .WithProblems(StatusCodes.Status401Unauthorized);

        auth.MapGet("/sessions", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListSessionsQuery(), ct))
            .WithName("listSessions")
            .WithSummary("The caller's active sessions; current marks the one of this access token")
            .WithProblems()
            .RequiresUser();

        auth.MapDelete("/sessions/{id}", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeSessionCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("revokeSession")
            .WithSummary("Sign one of the caller's sessions out (its tokens stop working)")
            .WithProblems(StatusCodes.Status404NotFound)
            .RequiresUser();
    }
}
