using CleanBackend.Application.Common.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>
/// A minimal hub whose methods expose each group operation to the test clients. Like the app's hub, it tells
/// presence (and so the online users) about connections of numeric user ids.
/// </summary>
public sealed class BackplaneTestHub(IPresenceTracker presence) : Hub
{
    /// <summary>The one event the tests send.</summary>
    public const string Message = "message";

    public override Task OnConnectedAsync() =>
        long.TryParse(Context.UserIdentifier, out var userId) ? presence.UserConnectedAsync(userId, Context.ConnectionId) : Task.CompletedTask;

    public override Task OnDisconnectedAsync(Exception? exception) =>
        long.TryParse(Context.UserIdentifier, out var userId) ? presence.UserDisconnectedAsync(userId, Context.ConnectionId) : Task.CompletedTask;

    public string ConnectionId() => Context.ConnectionId;

    public Task JoinGroup(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task LeaveGroup(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);

    /// <summary>Adds any connection, possibly one held by another node, to a group.</summary>
    public Task AddConnectionToGroup(string connectionId, string group) => Groups.AddToGroupAsync(connectionId, group);

    /// <summary>Sends to the group, except the caller: exercises SendGroupExcept from inside a hub.</summary>
    public Task SendToOthersInGroup(string group, string text) => Clients.OthersInGroup(group).SendAsync(Message, text);
}

/// <summary>The test clients say who they are in the query string (<c>?user=</c>); the hub needs no authentication.</summary>
public sealed class QueryStringUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.GetHttpContext()?.Request.Query["user"].FirstOrDefault();
}
