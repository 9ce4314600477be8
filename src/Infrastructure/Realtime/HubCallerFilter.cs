using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>Makes the connection's user the current user of each hub invocation's scope (for MediatR requests).</summary>
public sealed class HubCallerFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        invocationContext.ServiceProvider.GetRequiredService<HubCallerPrincipal>().Principal = invocationContext.Context.User;
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        context.ServiceProvider.GetRequiredService<HubCallerPrincipal>().Principal = context.Context.User;
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        context.ServiceProvider.GetRequiredService<HubCallerPrincipal>().Principal = context.Context.User;
        return next(context, exception);
    }
}
