using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Rooms;
using CleanBackend.WebApi.OpenApi;
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
            .WithName("createRoom")
            .WithSummary("Create a room; the caller becomes its owner and first member")
            .WithProblems().RequiresUser();

        rooms.MapGet("", async (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRoomsQuery(cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithName("listRooms")
            .WithSummary("Public rooms and the caller's private rooms, newest first")
            .WithProblems().RequiresUser();

        rooms.MapPost("/{id}/members", async (long id, AddRoomMemberBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new AddRoomMemberCommand(id, body.UserName), ct);
                return TypedResults.NoContent();
            })
            .WithName("addRoomMember")
            .WithSummary("Add a member to a private room (owner only); adding a member twice changes nothing")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).RequiresUser();

        rooms.MapGet("/{id}/messages", async (long id, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRoomMessagesQuery(id, cursor, limit ?? Cursor.DefaultLimit), ct)))
            .WithName("listRoomMessages")
            .WithSummary("A room's messages, newest first (private rooms: members only)")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).RequiresUser();

        rooms.MapGet("/{id}/online", async (long id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOnlineRoomUsersQuery(id), ct)))
            .WithName("listOnlineRoomUsers")
            .WithSummary("Who has joined the room over the hub and is still connected")
            .WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).RequiresUser();
    }

    [ValidatedAs(typeof(AddRoomMemberCommand))]
    public sealed record AddRoomMemberBody(string UserName);
}
