using CleanBackend.Domain.Media;

namespace CleanBackend.Application.Media;

/// <summary>An uploaded image as the API returns it; <see cref="Url"/> serves its bytes.</summary>
public sealed record MediaDto(long Id, string Url, string ContentType, int SizeBytes, int? Width, int? Height)
{
    public static string UrlOf(string storageKey) => "/media/" + storageKey;

    public static MediaDto From(MediaFile media) =>
        new(media.Id, UrlOf(media.StorageKey), media.ContentType, media.SizeBytes, media.Width, media.Height);
}
