using CleanBackend.Infrastructure.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>Records each hub connection under the session of its access token (the <c>sid</c> claim) while it is open.</summary>
public sealed class HubConnectionSessionFilter(HubConnectionsBySession connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (JwtTokenService.SessionIdOf(context.Context.User) is not { } sessionId)
        {
            await next(context);
            return;
        }

        // Recorded before the hub's own OnConnectedAsync, so a sign-out committed while it runs still finds the connection.
        connections.Add(context.Context, sessionId);
        try
        {
            await next(context);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync for a connection whose OnConnectedAsync failed.
            connections.Remove(context.Context);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            connections.Remove(context.Context);
        }
    }
}
