using System.Text.Json;
using System.Text.RegularExpressions;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Domain.Common;
using CleanBackend.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.WebApi.Errors;

/// <summary>Turns every exception into an RFC 9457 ProblemDetails; unexpected ones become a 500 without details.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("{Method} {Path}: the database is unavailable ({Error})", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            httpContext.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// The title of every 413, whoever refuses the body (an endpoint, the JSON binder, Kestrel through the status code
    /// page, nginx): RFC 9110's name, which the framework's own 413 already uses.
    /// </summary>
    public const string ContentTooLarge = "Content Too Large";

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException v => Invalid(v.Errors),
        DomainRuleException d => Invalid(d.Field, d.Message),
        UnauthorizedException u => Problem(401, "Unauthorized", u.Message),
        ForbiddenException f => Problem(403, "Forbidden", f.Message),
        NotFoundException n => Problem(404, "Not Found", n.Message),
        ConflictException c => Problem(409, "Conflict", c.Message),
        PayloadTooLargeException p => Problem(413, ContentTooLarge, p.Message),
        UnsupportedMediaTypeException m => Problem(415, "Unsupported Media Type", m.Message),
        BadHttpRequestException bad => FromBadRequest(bad),
        _ when DbErrors.IsUnavailable(exception) => Problem(503, "Service Unavailable", "The database is unavailable; try again in a few seconds."),
        _ => Problem(500, "An unexpected error occurred.", null),
    };

    /// <summary>A restarting PostgreSQL accepts connections again within seconds.</summary>
    private const string DatabaseRetryAfterSeconds = "5";

    private static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>A 400 with field messages, the shape of every validation failure.</summary>
    private static HttpValidationProblemDetails Invalid(IDictionary<string, string[]> errors) =>
        new(errors) { Status = 400, Title = "One or more validation errors occurred." };

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// Binding failures: malformed JSON, a JSON value of the wrong type, an unparsable route or query value,
    /// a wrong content type (415) or a body over the limit (413). Field names come from the JSON path or parameter.
    /// </summary>
    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
            return Problem(bad.StatusCode, bad.StatusCode switch
            {
                413 => ContentTooLarge,
                415 => "Unsupported Media Type",
                _ => "Bad Request",
            }, bad.StatusCode == 413 ? "The request body is larger than this endpoint accepts." : bad.Message);

        if (bad.InnerException is JsonException json)
        {
            // A reader error is broken JSON (blame the body); otherwise a value did not fit its field's type.
            var field = IsSyntaxError(json) ? "" : JsonPathToField(json.Path);
            var message = field.Length == 0 ? "The request body is not valid JSON of the expected shape." : $"The value of '{field}' is not valid for its type.";
            return Invalid(field.Length == 0 ? "body" : field, message);
        }

        var parameter = BindFailure().Match(bad.Message);
        if (parameter.Success)
        {
            var name = parameter.Groups["name"].Value;
            return Invalid(name, $"'{parameter.Groups["value"].Value}' is not a valid {name}.");
        }

        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return Invalid("body", "A JSON request body is required.");

        return Problem(400, "Bad Request", "The request could not be understood.");
    }

    private static bool IsSyntaxError(JsonException json) => json.InnerException?.GetType().Name == "JsonReaderException";

    /// <summary>"$.mediaIds[1]" -> "mediaIds[1]"; "$" -> "".</summary>
    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : ValidationException.FieldName(path.TrimStart('$', '.'));

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ ]+) (?<name>\w+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();
}
