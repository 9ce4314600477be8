using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Rooms;

/// <summary>
/// A chat room (a Socket.IO room in the original stack). Anyone may join a public room; a private room only its
/// members, whom its owner adds. The creator is the owner and the first member.
/// </summary>
public sealed class Room : Entity
{
    public const int NameMaxLength = 100;

    private Room() { }

    public Room(long id, string name, bool isPrivate, long ownerId, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("name", "name must not be blank.");
        Id = id;
        Name = name.Trim();
        IsPrivate = isPrivate;
        OwnerId = ownerId;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = "";
    public bool IsPrivate { get; private set; }
    public long OwnerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public RoomMember Owner() => new(Id, OwnerId, CreatedAt);

    public RoomMessage Post(long messageId, long senderId, string text, DateTimeOffset now) =>
        new(messageId, Id, senderId, text, now);
}
