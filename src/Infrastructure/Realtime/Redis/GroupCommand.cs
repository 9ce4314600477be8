namespace CleanBackend.Infrastructure.Realtime.Redis;

/// <summary>
/// Asks the node that holds <paramref name="ConnectionId"/> to add it to or remove it from a group, and to confirm
/// on <paramref name="ReplyTo"/>'s ack channel with <paramref name="Id"/>.
/// </summary>
public sealed record GroupCommand(int Id, string ReplyTo, GroupAction Action, string GroupName, string ConnectionId);

public enum GroupAction : byte
{
    Add = 1,
    Remove = 2,
}
