namespace CleanBackend.WebApi.Endpoints;

public static class EndpointConventions
{
    /// <summary>Documents the ProblemDetails answers every endpoint can give.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status500InternalServerError);
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>For endpoints that need a signed-in caller: documents 401 (the request's [Authorize] enforces it).</summary>
    public static RouteHandlerBuilder RequiresUser(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized);
}
