using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;
using CleanBackend.TestSupport;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

/// <summary>
/// The JSON protocol of each node counts how often it serializes the test's invocation: a broadcast to six clients
/// on two nodes is serialized once, on the sending node; the receiving node writes the bytes it got from Redis.
/// </summary>
public sealed class SerializationCountTests : IAsyncLifetime
{
    private readonly string _prefix = "serialize-" + Guid.NewGuid().ToString("N")[..8];
    private BackplaneTestNode _node1 = null!;
    private BackplaneTestNode _node2 = null!;

    public async Task InitializeAsync()
    {
        _node1 = await BackplaneTestNode.StartAsync(TestEnvironment.Redis, _prefix, configureServices: CountSerializations);
        _node2 = await BackplaneTestNode.StartAsync(TestEnvironment.Redis, _prefix, configureServices: CountSerializations);
    }

    [Fact]
    public async Task A_broadcast_is_serialized_once_in_all_not_once_per_recipient_or_per_node()
    {
        var clients = new List<HubClient>();
        for (var i = 0; i < 3; i++)
        {
            clients.Add(await _node1.ConnectAsync());
            clients.Add(await _node2.ConnectAsync());
        }

        await _node1.Hub.Clients.All.SendAsync(CountingJsonProtocol.CountedTarget, "to everyone");
        foreach (var client in clients)
            Assert.Equal("to everyone", (await client.NextAsync(CountingJsonProtocol.CountedTarget)).GetString());

        Assert.Equal(1, Protocol(_node1).Serializations);
        Assert.Equal(0, Protocol(_node2).Serializations);
        foreach (var client in clients) await client.DisposeAsync();
    }

    private static CountingJsonProtocol Protocol(BackplaneTestNode node) => node.Services.GetRequiredService<CountingJsonProtocol>();

    private static void CountSerializations(IServiceCollection services)
    {
        services.AddSingleton<CountingJsonProtocol>();
        // Registered after AddSignalR's JSON protocol, it takes over the name "json" (the last registration wins).
        services.AddSingleton<IHubProtocol>(sp => sp.GetRequiredService<CountingJsonProtocol>());
    }

    public async Task DisposeAsync()
    {
        await _node1.DisposeAsync();
        await _node2.DisposeAsync();
    }

    private sealed class CountingJsonProtocol : IHubProtocol
    {
        public const string CountedTarget = "counted";
        private readonly JsonHubProtocol _json = new();
        private int _serializations;

        public int Serializations => Volatile.Read(ref _serializations);

        public string Name => _json.Name;

        public int Version => _json.Version;

        public TransferFormat TransferFormat => _json.TransferFormat;

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message)
        {
            Count(message);
            return _json.GetMessageBytes(message);
        }

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output)
        {
            Count(message);
            _json.WriteMessage(message, output);
        }

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            _json.TryParseMessage(ref input, binder, out message);

        public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

        private void Count(HubMessage message)
        {
            if (message is InvocationMessage { Target: CountedTarget }) Interlocked.Increment(ref _serializations);
        }
    }
}
