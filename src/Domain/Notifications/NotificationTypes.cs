namespace CleanBackend.Domain.Notifications;

/// <summary>The kinds of notification; the values are the <c>type</c> field of the API's JSON.</summary>
public static class NotificationTypes
{
    public const string Follow = "follow";
    public const string Like = "like";
    public const string Comment = "comment";
    public const string Mention = "mention";
}
