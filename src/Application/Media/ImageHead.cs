namespace CleanBackend.Application.Media;

/// <summary>The first bytes of an upload, read until <see cref="ImageSniffer"/> can tell what they are.</summary>
internal sealed record ImageHead(ReadOnlyMemory<byte> Bytes, SniffResult Sniff)
{
    // Enough for every format's header in one read unless a JPEG carries large metadata before its frame header.
    private const int FirstReadBytes = 4096;

    /// <remarks>Memory is bounded by the stream: callers pass a <see cref="SizeLimitedReadStream"/>.</remarks>
    public static async Task<ImageHead> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[FirstReadBytes];
        var length = 0;
        while (true)
        {
            var sniff = ImageSniffer.Sniff(buffer.AsSpan(0, length));
            if (!sniff.NeedsMoreBytes) return new ImageHead(buffer.AsMemory(0, length), sniff);

            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);

            // The stream ended before the header did: empty or truncated, not an image either way.
            if (read == 0) return new ImageHead(buffer.AsMemory(0, length), SniffResult.NotAnImage);
            length += read;
        }
    }
}
