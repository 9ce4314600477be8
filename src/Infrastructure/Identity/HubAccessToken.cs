using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>
/// The access token a hub client sends in the query string (browsers can't set headers on WebSocket requests).
/// A WebSocket request lasts as long as its hub connection, for hours maybe, so the token is taken out of the
/// request's query and target once read: nothing that reads the request later (a log line, a diagnostic) sees the
/// bearer secret, and the parsed copy is not kept per connection. (Kestrel keeps its own copy of the request line
/// for the connection's lifetime; nothing outside the server reaches it.)
/// </summary>
public static class HubAccessToken
{
    public const string QueryKey = "access_token";

    /// <summary>The token, or null without one; the rest of the query (SignalR's connection id) is left as it was.</summary>
    public static string? TakeFromQuery(HttpRequest request)
    {
        var query = request.Query;
        if (!query.TryGetValue(QueryKey, out var values)) return null;

        var remaining = new Dictionary<string, StringValues>(query.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in query)
            if (!string.Equals(key, QueryKey, StringComparison.OrdinalIgnoreCase)) remaining[key] = value;
        request.Query = new QueryCollection(remaining);
        if (request.HttpContext.Features.Get<IHttpRequestFeature>() is { } target)
            target.RawTarget = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();

        string? token = values;
        return string.IsNullOrEmpty(token) ? null : token;
    }
}
