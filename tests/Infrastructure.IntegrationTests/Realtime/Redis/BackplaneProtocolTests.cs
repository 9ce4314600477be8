using System.Text;
using CleanBackend.Infrastructure.Realtime.Redis;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class BackplaneProtocolTests
{
    [Fact]
    public void An_invocation_round_trips_with_its_exclusions_and_the_bytes_of_every_protocol()
    {
        var invocation = new BackplaneInvocation(
            "node-ä-1",
            ["conn-1", "conn-2"],
            [new SerializedMessage("json", Bytes("{\"type\":1}\u001e")), new SerializedMessage("messagepack", new byte[] { 0x95, 0x01, 0x80 })]);

        var decoded = BackplaneProtocol.DecodeInvocation(BackplaneProtocol.EncodeInvocation(invocation));

        Assert.Equal("node-ä-1", decoded.OriginNode);
        Assert.Equal(["conn-1", "conn-2"], decoded.ExcludedConnectionIds);
        Assert.Equal(["json", "messagepack"], decoded.Messages.Select(m => m.ProtocolName));
        Assert.Equal("{\"type\":1}\u001e", Encoding.UTF8.GetString(decoded.Messages[0].Serialized.Span));
        Assert.Equal(new byte[] { 0x95, 0x01, 0x80 }, decoded.Messages[1].Serialized.ToArray());
    }

    [Fact]
    public void An_invocation_without_exclusions_or_payload_bytes_round_trips()
    {
        var decoded = BackplaneProtocol.DecodeInvocation(BackplaneProtocol.EncodeInvocation(
            new BackplaneInvocation("n", [], [new SerializedMessage("json", ReadOnlyMemory<byte>.Empty)])));

        Assert.Empty(decoded.ExcludedConnectionIds);
        Assert.Equal(0, decoded.Messages.Single().Serialized.Length);
    }

    [Fact]
    public void A_decoded_invocation_shares_the_received_buffer_instead_of_copying_it()
    {
        var payload = BackplaneProtocol.EncodeInvocation(new BackplaneInvocation("n", [], [new SerializedMessage("json", Bytes("abc"))]));

        var decoded = BackplaneProtocol.DecodeInvocation(payload);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(decoded.Messages[0].Serialized, out var segment));
        Assert.Same(payload, segment.Array);
    }

    [Theory]
    [InlineData(GroupAction.Add)]
    [InlineData(GroupAction.Remove)]
    public void A_group_command_round_trips(GroupAction action)
    {
        var command = new GroupCommand(int.MaxValue, "node-7", action, "room:42 *", "conn-9");

        Assert.Equal(command, BackplaneProtocol.DecodeGroupCommand(BackplaneProtocol.EncodeGroupCommand(command)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(123456789)]
    public void An_ack_round_trips(int id) =>
        Assert.Equal(id, BackplaneProtocol.DecodeAck(BackplaneProtocol.EncodeAck(id)));

    [Fact]
    public void A_payload_of_another_format_version_is_rejected_by_name()
    {
        var payload = BackplaneProtocol.EncodeAck(1);
        payload[0] = 99;

        var error = Assert.Throws<InvalidDataException>(() => BackplaneProtocol.DecodeAck(payload));
        Assert.Contains("format version 99", error.Message);
    }

    [Fact]
    public void A_payload_of_another_kind_is_rejected()
    {
        var ack = BackplaneProtocol.EncodeAck(1);

        var error = Assert.Throws<InvalidDataException>(() => BackplaneProtocol.DecodeInvocation(ack));
        Assert.Contains("is a Ack, expected a Invocation", error.Message);
    }

    [Fact]
    public void A_truncated_payload_is_rejected()
    {
        var payload = BackplaneProtocol.EncodeGroupCommand(new GroupCommand(1, "node", GroupAction.Add, "group", "connection"));

        var error = Assert.Throws<InvalidDataException>(() => BackplaneProtocol.DecodeGroupCommand(payload[..^3]));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var payload = BackplaneProtocol.EncodeAck(7).Append((byte)0).ToArray();

        Assert.Throws<InvalidDataException>(() => BackplaneProtocol.DecodeAck(payload));
    }

    [Fact]
    public void A_corrupt_length_is_rejected_without_allocating_it()
    {
        // Version, kind Invocation, origin "n", then an exclusion count of 2^28 in 7-bit encoding.
        byte[] payload = [BackplaneProtocol.FormatVersion, 1, 1, (byte)'n', 0x80, 0x80, 0x80, 0x80, 0x01];

        var error = Assert.Throws<InvalidDataException>(() => BackplaneProtocol.DecodeInvocation(payload));
        Assert.Contains("impossible length", error.Message);
    }

    [Fact]
    public void An_unknown_group_action_is_rejected()
    {
        var payload = BackplaneProtocol.EncodeGroupCommand(new GroupCommand(1, "n", GroupAction.Add, "g", "c"));
        payload[2 + 4 + 2] = 9; // version, kind, int id, "n" (length + 1 byte), then the action

        var error = Assert.Throws<InvalidDataException>(() => BackplaneProtocol.DecodeGroupCommand(payload));
        Assert.Contains("Unknown group action 9", error.Message);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
