using System.Text.Encodings.Web;
using System.Text.Json;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Domain.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>
/// Turns what the caller got wrong into a <see cref="HubException"/> with a clear message, which SignalR sends to
/// the caller only (the connection stays open): an invocation over <see cref="RealtimeOptions.MaxMessageBytes"/>,
/// invalid input, a missing or forbidden room. Anything else is a bug: it is logged and the caller gets SignalR's
/// generic error, never exception details.
/// </summary>
public sealed class HubErrorFilter(IOptions<RealtimeOptions> options, ILogger<HubErrorFilter> logger) : IHubFilter
{
    // Unescaped, so a character counts the bytes it takes on the wire in UTF-8, not its \uXXXX escape.
    private static readonly JsonSerializerOptions SizeCounting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var max = options.Value.MaxMessageBytes;
        var size = JsonSerializer.SerializeToUtf8Bytes(invocationContext.HubMethodArguments, SizeCounting).Length;
        if (size > max)
            throw new HubException($"The message is {size} bytes; the hub accepts at most {max} bytes.");

        try
        {
            return await next(invocationContext);
        }
        catch (ValidationException invalid)
        {
            throw new HubException(string.Join(" ", invalid.Errors.SelectMany(field => field.Value)));
        }
        catch (Exception refused) when (refused is DomainRuleException or NotFoundException or ForbiddenException
            or ConflictException or UnauthorizedException)
        {
            throw new HubException(refused.Message);
        }
        catch (Exception bug) when (bug is not HubException and not OperationCanceledException)
        {
            logger.LogError(bug, "Hub method {Method} failed", invocationContext.HubMethodName);
            throw;
        }
    }
}
