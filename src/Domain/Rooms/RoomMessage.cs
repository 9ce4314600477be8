using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Rooms;

/// <summary>A message said in a room. Persisted first; the push to the room follows the commit.</summary>
public sealed class RoomMessage : Entity
{
    public const int TextMaxLength = 2000;

    private RoomMessage() { }

    internal RoomMessage(long id, long roomId, long senderId, string text, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("text", "text must not be blank.");
        if (!VisibleText.FitsIn(text, TextMaxLength)) throw new DomainRuleException("text", $"text must be at most {TextMaxLength} characters.");
        Id = id;
        RoomId = roomId;
        SenderId = senderId;
        Text = text;
        CreatedAt = createdAt;
        Raise(new RoomMessagePosted(roomId, id, senderId));
    }

    public long RoomId { get; private set; }
    public long SenderId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
