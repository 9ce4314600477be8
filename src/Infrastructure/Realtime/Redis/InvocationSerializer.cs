using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Serializes an invocation once per hub protocol the hub supports (JSON here; MessagePack too if registered),
/// never once per recipient: the result is written as-is to local connections and published to other nodes.
/// </summary>
public sealed class InvocationSerializer
{
    private readonly IReadOnlyList<IHubProtocol> _protocols;

    public InvocationSerializer(IReadOnlyList<IHubProtocol> protocols)
    {
        if (protocols.Count == 0) throw new ArgumentException("A hub needs at least one protocol.", nameof(protocols));
        _protocols = protocols;
    }

    /// <summary>The protocols a hub's connections may use: the hub's SupportedProtocols that are registered.</summary>
    public static InvocationSerializer ForHub(IHubProtocolResolver resolver, HubOptions hubOptions, HubOptions globalOptions)
    {
        // Distinct: a protocol registered twice under one name (a replacement for "json") is still one protocol.
        IReadOnlyList<string> names = ((hubOptions.SupportedProtocols ?? globalOptions.SupportedProtocols)?.AsEnumerable()
            ?? resolver.AllProtocols.Select(p => p.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var protocols = names
            .Select(name => resolver.GetProtocol(name, names))
            .OfType<IHubProtocol>()
            .ToList();
        return new InvocationSerializer(protocols);
    }

    public IReadOnlyList<IHubProtocol> Protocols => _protocols;

    public IReadOnlyList<SerializedMessage> Serialize(string methodName, object?[] args)
    {
        var invocation = new InvocationMessage(methodName, args);
        var messages = new SerializedMessage[_protocols.Count];
        for (var i = 0; i < messages.Length; i++)
            messages[i] = new SerializedMessage(_protocols[i].Name, _protocols[i].GetMessageBytes(invocation));
        return messages;
    }
}
