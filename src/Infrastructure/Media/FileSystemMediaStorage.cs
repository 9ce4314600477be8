using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Media;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.Media;

/// <summary>
/// Keeps media as files under <c>&lt;Storage:DataFolder&gt;/media/</c>. A key is 128 random bits in hex plus an extension
/// chosen from the content type, e.g. <c>3f9a…c1.png</c>; files sit in a sub-folder named after the key's first two
/// characters so no single folder grows huge. Only keys of exactly that shape are ever turned into paths, which is
/// what keeps every read and delete inside the folder.
/// </summary>
public sealed partial class FileSystemMediaStorage(IOptions<StorageOptions> options) : IMediaStorage
{
    private static readonly Dictionary<string, string> ExtensionByContentType = new()
    {
        [ImageSniffer.Jpeg] = "jpg",
        [ImageSniffer.Png] = "png",
        [ImageSniffer.Gif] = "gif",
        [ImageSniffer.WebP] = "webp",
    };

    private static readonly Dictionary<string, string> ContentTypeByExtension =
        ExtensionByContentType.ToDictionary(pair => pair.Value, pair => pair.Key);

    private readonly string _root = Path.Combine(options.Value.DataFolder, "media");

    public async Task<string> SaveAsync(Stream content, string contentType, CancellationToken cancellationToken)
    {
        if (!ExtensionByContentType.TryGetValue(contentType, out var extension))
            throw new ArgumentException($"No file extension is known for '{contentType}'.", nameof(contentType));

        var key = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written under a temporary name and renamed when complete, so a reader never sees half a file.
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, path);
            return key;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key)) return Task.FromResult<StoredMedia?>(null);
        try
        {
            var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            var contentType = ContentTypeByExtension[Path.GetExtension(key)[1..]];
            return Task.FromResult<StoredMedia?>(new StoredMedia(file, contentType, file.Length));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredMedia?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (IsKey(key))
        {
            try
            {
                File.Delete(PathOf(key));
            }
            catch (DirectoryNotFoundException)
            {
                // Nothing was ever stored in that sub-folder: the file is gone either way.
            }
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(_root, key[..2], key);

    // The pattern admits only hex and lower-case letters (no separators or dots to climb out of the folder);
    // which extensions are known is the content-type map's to say.
    private static bool IsKey(string key) =>
        KeyPattern().Match(key) is { Success: true } match && ContentTypeByExtension.ContainsKey(match.Groups[1].Value);

    [GeneratedRegex(@"\A[0-9a-f]{32}\.([a-z]+)\z")]
    private static partial Regex KeyPattern();
}
