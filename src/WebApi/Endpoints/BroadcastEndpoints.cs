using CleanBackend.Application.Broadcasts;
using CleanBackend.Application.Common.Paging;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class BroadcastEndpoints
{
    public static void MapBroadcastEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/broadcast", async (SendBroadcastCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(command, ct)))
            .WithTags("Admin")
            .WithName("sendBroadcast")
            .WithSummary("Send `broadcast` to every connected client (admins only)")
            .WithProblems().RequiresAdmin();

        app.MapGet("/api/broadcasts", async (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBroadcastsQuery(cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithTags("Broadcasts")
            .WithName("listBroadcasts")
            .WithSummary("Past broadcasts, newest first: what a client missed while offline")
            .WithProblems().RequiresUser();
    }
}
