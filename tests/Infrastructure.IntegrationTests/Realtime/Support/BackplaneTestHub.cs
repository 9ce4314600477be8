using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>A minimal hub whose methods expose each group operation to the test clients.</summary>
public sealed class BackplaneTestHub : Hub
{
    public string ConnectionId() => Context.ConnectionId;

    public Task JoinGroup(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task LeaveGroup(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);

    /// <summary>Adds any connection, possibly one held by another node, to a group.</summary>
    public Task AddConnectionToGroup(string connectionId, string group) => Groups.AddToGroupAsync(connectionId, group);

    /// <summary>Sends to the group, except the caller: exercises SendGroupExcept from inside a hub.</summary>
    public Task SendToOthersInGroup(string group, string text) => Clients.OthersInGroup(group).SendAsync("message", text);
}

/// <summary>The test clients say who they are in the query string (<c>?user=</c>); the hub needs no authentication.</summary>
public sealed class QueryStringUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.GetHttpContext()?.Request.Query["user"].FirstOrDefault();
}
