namespace CleanBackend.Application.Common.Realtime;

/// <summary>Names of the events the hub sends to clients: a public contract (docs/realtime.md).</summary>
public static class RealtimeEvents
{
    public const string Notification = "notification";
    public const string UnreadCount = "unreadCount";
    public const string FeedItem = "feedItem";
    public const string RoomMessage = "roomMessage";
    public const string Presence = "presence";
    public const string Broadcast = "broadcast";
}
