using System.Text;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// The bytes published on the backplane's channels. Each payload starts with a format version and a kind, so a
/// node never misreads a payload from an incompatible build or the wrong channel: it rejects it with
/// <see cref="InvalidDataException"/>. Strings are UTF-8 with a 7-bit encoded length (BinaryWriter's format).
/// </summary>
public static class BackplaneProtocol
{
    public const byte FormatVersion = 1;

    private enum Kind : byte
    {
        Invocation = 1,
        GroupCommand = 2,
        Ack = 3,
    }

    public static byte[] EncodeInvocation(BackplaneInvocation invocation)
    {
        var size = 64 + invocation.Messages.Sum(m => m.Serialized.Length + 16);
        using var stream = new MemoryStream(size);
        using (var writer = StartPayload(stream, Kind.Invocation))
        {
            writer.Write(invocation.OriginNode);
            writer.Write7BitEncodedInt(invocation.ExcludedConnectionIds.Count);
            foreach (var connectionId in invocation.ExcludedConnectionIds) writer.Write(connectionId);
            writer.Write7BitEncodedInt(invocation.Messages.Count);
            foreach (var message in invocation.Messages)
            {
                writer.Write(message.ProtocolName);
                writer.Write7BitEncodedInt(message.Serialized.Length);
                writer.Write(message.Serialized.Span);
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The bytes every invocation from <paramref name="originNode"/> starts with (header and origin). A node drops
    /// payloads that start with its own prefix without decoding them: the origin's length comes first, so only that
    /// origin can match.
    /// </summary>
    public static byte[] InvocationPrefix(string originNode)
    {
        using var stream = new MemoryStream();
        using (var writer = StartPayload(stream, Kind.Invocation)) writer.Write(originNode);
        return stream.ToArray();
    }

    /// <summary>The message bytes are slices of <paramref name="payload"/>, not copies.</summary>
    public static BackplaneInvocation DecodeInvocation(byte[] payload) => Decode(payload, Kind.Invocation, reader =>
    {
        var origin = reader.ReadString();
        var excluded = new string[ReadCount(reader)];
        for (var i = 0; i < excluded.Length; i++) excluded[i] = reader.ReadString();
        var messages = new SerializedMessage[ReadCount(reader)];
        for (var i = 0; i < messages.Length; i++)
        {
            var protocol = reader.ReadString();
            var length = ReadCount(reader);
            var offset = (int)reader.BaseStream.Position;
            reader.BaseStream.Position = offset + length;
            messages[i] = new SerializedMessage(protocol, new ReadOnlyMemory<byte>(payload, offset, length));
        }
        return new BackplaneInvocation(origin, excluded, messages);
    });

    public static byte[] EncodeGroupCommand(GroupCommand command)
    {
        using var stream = new MemoryStream();
        using (var writer = StartPayload(stream, Kind.GroupCommand))
        {
            writer.Write(command.Id);
            writer.Write(command.ReplyTo);
            writer.Write((byte)command.Action);
            writer.Write(command.GroupName);
            writer.Write(command.ConnectionId);
        }
        return stream.ToArray();
    }

    public static GroupCommand DecodeGroupCommand(byte[] payload) => Decode(payload, Kind.GroupCommand, reader =>
    {
        var id = reader.ReadInt32();
        var replyTo = reader.ReadString();
        var action = (GroupAction)reader.ReadByte();
        if (!Enum.IsDefined(action)) throw new InvalidDataException($"Unknown group action {(byte)action}.");
        return new GroupCommand(id, replyTo, action, reader.ReadString(), reader.ReadString());
    });

    public static byte[] EncodeAck(int id)
    {
        using var stream = new MemoryStream(6);
        using (var writer = StartPayload(stream, Kind.Ack)) writer.Write(id);
        return stream.ToArray();
    }

    public static int DecodeAck(byte[] payload) => Decode(payload, Kind.Ack, reader => reader.ReadInt32());

    private static BinaryWriter StartPayload(Stream stream, Kind kind)
    {
        var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatVersion);
        writer.Write((byte)kind);
        return writer;
    }

    private static T Decode<T>(byte[] payload, Kind expected, Func<BinaryReader, T> readBody)
    {
        using var stream = new MemoryStream(payload, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            var version = reader.ReadByte();
            if (version != FormatVersion)
                throw new InvalidDataException($"Backplane payload has format version {version}; this node reads version {FormatVersion}.");
            var kind = (Kind)reader.ReadByte();
            if (kind != expected)
                throw new InvalidDataException($"Backplane payload is a {kind}, expected a {expected}.");
            var body = readBody(reader);
            if (stream.Position != stream.Length)
                throw new InvalidDataException($"Backplane {expected} payload has {stream.Length - stream.Position} unexpected trailing byte(s).");
            return body;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"Backplane {expected} payload is truncated ({payload.Length} bytes).");
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"Backplane {expected} payload is malformed: {ex.Message}");
        }
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        // A count can never exceed the bytes left: this stops a corrupt length from allocating gigabytes.
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException($"Backplane payload has an impossible length {count}.");
        return count;
    }
}
