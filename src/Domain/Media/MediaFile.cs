using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Media;

/// <summary>An uploaded image. It belongs to its uploader until a post uses it; unused uploads expire.</summary>
public sealed class MediaFile : Entity
{
    public const int MaxSizeBytes = 4 * 1024 * 1024;

    private MediaFile() { }

    public MediaFile(long id, long ownerId, string contentType, int sizeBytes, int? width, int? height, string storageKey, DateTimeOffset createdAt)
    {
        Id = id;
        OwnerId = ownerId;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Width = width;
        Height = height;
        StorageKey = storageKey;
        CreatedAt = createdAt;
    }

    public long OwnerId { get; private set; }
    public string ContentType { get; private set; } = "";
    public int SizeBytes { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }

    /// <summary>Where <c>IMediaStorage</c> keeps the bytes.</summary>
    public string StorageKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The post that uses it; null while unused.</summary>
    public long? PostId { get; private set; }

    /// <summary>Position among the post's media (0-3).</summary>
    public int Position { get; private set; }

    public bool IsUsed => PostId is not null;

    public void AttachTo(long postId, int position)
    {
        if (IsUsed) throw new DomainRuleException("mediaIds", $"Media {Id} is already used by another post.");
        PostId = postId;
        Position = position;
    }
}
