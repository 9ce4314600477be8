using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Broadcasts;

/// <summary>
/// A message an admin sends to every connected client (the original stack's <c>POST /send</c>). Kept, so a
/// client that was offline can read what it missed.
/// </summary>
public sealed class Broadcast : Entity
{
    public const int MessageMaxLength = 1000;

    private Broadcast() { }

    public Broadcast(long id, long senderId, string message, DateTimeOffset sentAt)
    {
        if (string.IsNullOrWhiteSpace(message)) throw new DomainRuleException("message", "message must not be blank.");
        if (!VisibleText.FitsIn(message, MessageMaxLength)) throw new DomainRuleException("message", $"message must be at most {MessageMaxLength} characters.");
        Id = id;
        SenderId = senderId;
        Message = message;
        SentAt = sentAt;
        Raise(new BroadcastSent(id));
    }

    public long SenderId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
}
