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
            .WithSummary("Create an account")
            .RequireRateLimiting(RateLimitingSetup.AuthPolicy)
            .WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests);

        auth.MapPost("/login", async (LogInCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithSummary("Sign in with userName or email; returns an access token and a refresh token")
            .RequireRateLimiting(RateLimitingSetup.AuthPolicy)
            .WithProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
    }
}
