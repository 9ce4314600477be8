using System.Globalization;

namespace CleanBackend.Infrastructure.Realtime;

/// <summary>The SignalR group of a room's joined connections.</summary>
public static class RoomGroups
{
    public static string Of(long roomId) => "room:" + roomId.ToString(CultureInfo.InvariantCulture);
}
