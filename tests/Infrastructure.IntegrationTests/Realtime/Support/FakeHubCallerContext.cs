using System.Security.Claims;
using CleanBackend.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>A hub connection as filters and the session registry see it, signed in under a session; counts its aborts.</summary>
public sealed class FakeHubCallerContext(long? sessionId) : HubCallerContext
{
    private static int _lastConnection;
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Aborts { get; private set; }

    /// <summary>Completes at the first <see cref="Abort"/>.</summary>
    public Task Aborted => _aborted.Task;

    public override string ConnectionId { get; } = "c" + Interlocked.Increment(ref _lastConnection);
    public override string? UserIdentifier => "1";
    public override ClaimsPrincipal? User { get; } = new(new ClaimsIdentity(
        sessionId is { } id ? [new Claim(JwtTokenService.SessionClaim, id.ToString())] : [], "test"));
    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
    public override IFeatureCollection Features { get; } = new FeatureCollection();
    public override CancellationToken ConnectionAborted => CancellationToken.None;

    public override void Abort()
    {
        Aborts++;
        _aborted.TrySetResult();
    }
}
