using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// One hub invocation travelling between nodes, already serialized for every hub protocol in use, so receiving
/// nodes write the same bytes to each of their connections without serializing again.
/// </summary>
/// <param name="OriginNode">The node that sent it; that node has already delivered to its own connections.</param>
/// <param name="ExcludedConnectionIds">Connections that must not receive it (all-except, group-except).</param>
/// <param name="Messages">The invocation's bytes, one entry per hub protocol.</param>
public sealed record BackplaneInvocation(
    string OriginNode,
    IReadOnlyList<string> ExcludedConnectionIds,
    IReadOnlyList<SerializedMessage> Messages);
