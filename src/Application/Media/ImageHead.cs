namespace CleanBackend.Application.Media;

/// <summary>The first bytes of an upload, read until <see cref="ImageSniffer"/> can tell what they are.</summary>
internal sealed record ImageHead(ReadOnlyMemory<byte> Bytes, SniffResult Sniff)
{
    // Enough for every format's header unless a JPEG carries large metadata before its frame header.
    private const int FirstReadBytes = 4096;

    /// <remarks>
    /// The buffer is filled, then doubled, between sniffs: sniffing after every small network read would walk a long
    /// chain of JPEG segments again each time. Memory is bounded by the stream: callers pass a <see cref="SizeLimitedReadStream"/>.
    /// </remarks>
    public static async Task<ImageHead> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[FirstReadBytes];
        var length = 0;
        while (true)
        {
            length += await stream.ReadAtLeastAsync(buffer.AsMemory(length), buffer.Length - length, throwOnEndOfStream: false, cancellationToken);
            var sniff = ImageSniffer.Sniff(buffer.AsSpan(0, length));
            if (!sniff.NeedsMoreBytes) return new ImageHead(buffer.AsMemory(0, length), sniff);

            // The stream ended before the header did: empty or truncated, not an image either way.
            if (length < buffer.Length) return new ImageHead(buffer.AsMemory(0, length), SniffResult.NotAnImage);
            Array.Resize(ref buffer, buffer.Length * 2);
        }
    }
}
