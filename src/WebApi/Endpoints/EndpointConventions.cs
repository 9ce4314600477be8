namespace CleanBackend.WebApi.Endpoints;

public static class EndpointConventions
{
    /// <summary>The authorization policy of admin-only endpoints: a signed-in caller with the admin role.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Documents the ProblemDetails answers every endpoint can give.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status500InternalServerError);
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>
    /// For endpoints that need a signed-in caller: the authorization middleware answers 401 before the endpoint reads
    /// anything, so a stranger learns nothing about the input (the request's [Authorize] holds for the hub and jobs too).
    /// </summary>
    public static RouteHandlerBuilder RequiresUser(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>For admin-only endpoints: 401 signed out, 403 not an admin, both before the endpoint reads its input.</summary>
    public static RouteHandlerBuilder RequiresAdmin(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
