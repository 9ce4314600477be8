using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using CleanBackend.Infrastructure.Realtime.Redis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class InvocationSerializerTests
{
    [Fact]
    public void An_invocation_is_serialized_once_per_protocol_and_never_again_per_recipient()
    {
        var json = new CountingProtocol(new JsonHubProtocol(), "json");
        var other = new CountingProtocol(new JsonHubProtocol(), "other");
        var serializer = new InvocationSerializer([json, other]);

        var messages = serializer.Serialize("notification", ["hello", 42]);
        var shared = new SerializedHubMessage(messages);
        for (var recipient = 0; recipient < 1000; recipient++)
        {
            shared.GetSerializedMessage(json);
            shared.GetSerializedMessage(other);
        }

        Assert.Equal(1, json.Writes);
        Assert.Equal(1, other.Writes);
        Assert.Equal(["json", "other"], messages.Select(m => m.ProtocolName));
        Assert.Equal("""{"type":1,"target":"notification","arguments":["hello",42]}""" + "\u001e",
            Encoding.UTF8.GetString(messages[0].Serialized.Span));
    }

    [Fact]
    public void A_hub_uses_the_protocols_its_options_allow()
    {
        var resolver = new Resolver(new CountingProtocol(new JsonHubProtocol(), "json"), new CountingProtocol(new JsonHubProtocol(), "other"));

        var serializer = InvocationSerializer.ForHub(resolver, new HubOptions { SupportedProtocols = ["json"] }, new HubOptions());

        Assert.Equal(["json"], serializer.Protocols.Select(p => p.Name));
    }

    [Fact]
    public void Without_hub_specific_options_the_global_ones_and_then_all_registered_protocols_apply()
    {
        var resolver = new Resolver(new CountingProtocol(new JsonHubProtocol(), "json"), new CountingProtocol(new JsonHubProtocol(), "other"));

        Assert.Equal(["other"], InvocationSerializer.ForHub(resolver, new HubOptions(), new HubOptions { SupportedProtocols = ["other"] })
            .Protocols.Select(p => p.Name));
        Assert.Equal(["json", "other"], InvocationSerializer.ForHub(resolver, new HubOptions(), new HubOptions())
            .Protocols.Select(p => p.Name));
    }

    [Fact]
    public void A_protocol_name_listed_twice_is_serialized_once()
    {
        var replacement = new CountingProtocol(new JsonHubProtocol(), "json");
        var resolver = new Resolver(replacement);

        var serializer = InvocationSerializer.ForHub(resolver, new HubOptions { SupportedProtocols = ["json", "json"] }, new HubOptions());
        serializer.Serialize("presence", [1]);

        Assert.Equal(1, replacement.Writes);
    }

    [Fact]
    public void A_hub_without_any_usable_protocol_is_a_configuration_error()
    {
        var resolver = new Resolver(new CountingProtocol(new JsonHubProtocol(), "json"));

        Assert.Throws<ArgumentException>(() => InvocationSerializer.ForHub(resolver, new HubOptions { SupportedProtocols = ["messagepack"] }, new HubOptions()));
    }

    private sealed class CountingProtocol(IHubProtocol inner, string name) : IHubProtocol
    {
        public int Writes { get; private set; }

        public string Name => name;

        public int Version => inner.Version;

        public TransferFormat TransferFormat => inner.TransferFormat;

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message)
        {
            Writes++;
            return inner.GetMessageBytes(message);
        }

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output)
        {
            Writes++;
            inner.WriteMessage(message, output);
        }

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);

        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
    }

    private sealed class Resolver(params IHubProtocol[] protocols) : IHubProtocolResolver
    {
        public IReadOnlyList<IHubProtocol> AllProtocols => protocols;

        public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols) =>
            protocols.FirstOrDefault(p => p.Name == protocolName && (supportedProtocols is null || supportedProtocols.Contains(protocolName)));
    }
}
