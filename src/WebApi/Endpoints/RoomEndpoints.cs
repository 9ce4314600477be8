using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Rooms;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class RoomEndpoints
{
    public static void MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").WithTags("Rooms");

        rooms.MapPost("", async (CreateRoomCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var room = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/rooms/{room.Id}", room);
            })
            .WithSummary("Create a room; the caller becomes its owner and first member")
            .WithProblems().RequiresUser();

        rooms.MapGet("", async (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRoomsQuery(cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithSummary("Public rooms and the caller's private rooms, newest first")
            .WithProblems().RequiresUser();

        rooms.MapPost("/{id}/members", async (long id, AddRoomMemberBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new AddRoomMemberCommand(id, body.UserName), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Add a member to a private room (owner only); adding a member twice changes nothing")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).RequiresUser();

        rooms.MapGet("/{id}/messages", async (long id, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRoomMessagesQuery(id, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithSummary("A room's messages, newest first (private rooms: members only)")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).RequiresUser();

        rooms.MapGet("/{id}/online", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOnlineRoomUsersQuery(id), ct)))
            .WithSummary("Who has joined the room over the hub and is still connected")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).RequiresUser();
    }

    public sealed record AddRoomMemberBody(string UserName);
}
