namespace CleanBackend.Application.Common.Interfaces;

/// <summary>Where uploaded media bytes live. Keys are chosen by the storage, never derived from client input.</summary>
public interface IMediaStorage
{
    /// <summary>Stores <paramref name="content"/> (read to its end) and returns the new key: unguessable and safe as a URL path segment.</summary>
    /// <remarks>If reading <paramref name="content"/> throws, nothing is kept and the exception propagates.</remarks>
    Task<string> SaveAsync(Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored file, or null when nothing is stored under <paramref name="key"/> (including keys this storage never issues).</summary>
    Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a key with nothing stored under it is not an error, so deletion can be retried.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>An open stored file; whoever receives it disposes <see cref="Content"/>.</summary>
public sealed record StoredMedia(Stream Content, string ContentType, long Length);
