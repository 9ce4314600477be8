using CleanBackend.Application.Common.Paging;
using CleanBackend.Application.Notifications;
using MediatR;

namespace CleanBackend.WebApi.Endpoints;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications");

        notifications.MapGet("", async (string? cursor, int? limit, bool? unreadOnly, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(cursor, limit ?? Cursor.DefaultLimit, unreadOnly ?? false), ct)))
            .WithName("listNotifications")
            .WithSummary("The caller's notifications, newest first (the same items the hub pushes as `notification`)")
            .WithProblems().RequiresUser();

        notifications.MapGet("/unread-count", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetUnreadCountQuery(), ct)))
            .WithName("getUnreadNotificationCount")
            .WithSummary("How many of the caller's notifications are unread")
            .WithProblems().RequiresUser();

        notifications.MapPost("/read", async (MarkNotificationsReadCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("markNotificationsRead")
            .WithSummary("Mark notifications read: `{ids: [...]}` or `{all: true}`; returns the new unread count")
            .WithProblems().RequiresUser();
    }
}
