using System.Buffers.Binary;

namespace CleanBackend.Application.Media;

/// <summary>A recognised image: its MIME type and its pixel size as its header states them.</summary>
public sealed record ImageInfo(string ContentType, int Width, int Height);

/// <summary>What <see cref="ImageSniffer"/> made of the bytes so far: an image, not an image, or too few bytes to tell.</summary>
public readonly record struct SniffResult(ImageInfo? Image, bool NeedsMoreBytes)
{
    public static SniffResult NotAnImage => new(null, false);
    public static SniffResult Incomplete => new(null, true);
}

/// <summary>
/// Recognises JPEG, PNG, GIF and WebP by their leading bytes (never by a declared type or file name) and reads the
/// width and height from their headers, without decoding pixels. Pure: give it the first bytes of a file; when it
/// says <see cref="SniffResult.NeedsMoreBytes"/>, give it a longer prefix of the same file.
/// </summary>
public static class ImageSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    private enum Match { No, Partial, Full }

    private delegate Match SignatureTest(ReadOnlySpan<byte> head);
    private delegate SniffResult HeaderReader(ReadOnlySpan<byte> head);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    private static readonly (SignatureTest Signature, HeaderReader ReadHeader)[] Formats =
    [
        (head => MatchAt(head, 0, PngSignature), SniffPng),
        (head => Either(MatchAt(head, 0, "GIF87a"u8), MatchAt(head, 0, "GIF89a"u8)), SniffGif),
        (head => MatchAt(head, 0, JpegStart), SniffJpeg),
        (head => Both(MatchAt(head, 0, "RIFF"u8), MatchAt(head, 8, "WEBP"u8)), SniffWebP), // bytes 4-7 are the file size
    ];

    public static SniffResult Sniff(ReadOnlySpan<byte> head)
    {
        var couldStillMatch = false;
        foreach (var (signature, readHeader) in Formats)
        {
            switch (signature(head))
            {
                case Match.Full: return readHeader(head);
                case Match.Partial: couldStillMatch = true; break;
            }
        }

        return couldStillMatch ? SniffResult.Incomplete : SniffResult.NotAnImage;
    }

    /// <summary>Signature, then the IHDR chunk, which the format requires to come first: width and height, 4 bytes each, big-endian.</summary>
    private static SniffResult SniffPng(ReadOnlySpan<byte> head)
    {
        if (head.Length < 24) return SniffResult.Incomplete;
        if (!head.Slice(12, 4).SequenceEqual("IHDR"u8)) return SniffResult.NotAnImage;
        return Found(Png, BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..]));
    }

    /// <summary>"GIF87a" or "GIF89a", then the logical screen's width and height, 2 bytes each, little-endian.</summary>
    private static SniffResult SniffGif(ReadOnlySpan<byte> head)
    {
        if (head.Length < 10) return SniffResult.Incomplete;
        return Found(Gif, BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]));
    }

    /// <summary>
    /// Walks the marker segments after SOI up to the first start-of-frame (SOFn) segment, which holds the height and the
    /// width. Segments before it (EXIF, ICC profiles, tables) can be large, so the frame header may come late in the file.
    /// </summary>
    private static SniffResult SniffJpeg(ReadOnlySpan<byte> head)
    {
        var position = 2;
        while (true)
        {
            if (position >= head.Length) return SniffResult.Incomplete;
            if (head[position] != 0xFF) return SniffResult.NotAnImage;

            // A marker may be preceded by any number of 0xFF fill bytes.
            while (position < head.Length && head[position] == 0xFF) position++;
            if (position >= head.Length) return SniffResult.Incomplete;
            var marker = head[position++];

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // TEM and RSTn stand alone, without a length.
            // 0x00 is not a marker; SOI again, EOI or start-of-scan before any frame header: not a well-formed JPEG.
            if (marker is 0x00 or 0xD8 or 0xD9 or 0xDA) return SniffResult.NotAnImage;

            if (position + 2 > head.Length) return SniffResult.Incomplete;
            var length = BinaryPrimitives.ReadUInt16BigEndian(head[position..]);
            if (length < 2) return SniffResult.NotAnImage;

            if (IsStartOfFrame(marker))
            {
                // Length (2), sample precision (1), height (2), width (2). A height of 0 (set later by a DNL segment)
                // can't be known from the header, so such files are not accepted.
                if (position + 7 > head.Length) return SniffResult.Incomplete;
                return Found(Jpeg, BinaryPrimitives.ReadUInt16BigEndian(head[(position + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(head[(position + 3)..]));
            }

            position += length;
        }
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>RIFF header (12 bytes), then the first chunk, whose type says which header follows.</summary>
    private static SniffResult SniffWebP(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16) return SniffResult.Incomplete;
        var chunk = head.Slice(12, 4);

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended format: flags (4 bytes), then canvas width - 1 and height - 1, 3 bytes each, little-endian.
            if (head.Length < 30) return SniffResult.Incomplete;
            return Found(WebP, 1 + ReadUInt24LittleEndian(head[24..]), 1 + ReadUInt24LittleEndian(head[27..]));
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a key frame's 3-byte frame tag (bit 0 clear), start code 9D 01 2A, then 14-bit width and height.
            if (head.Length < 30) return SniffResult.Incomplete;
            if ((head[20] & 1) != 0 || !head.Slice(23, 3).SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A])) return SniffResult.NotAnImage;
            return Found(WebP, BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width - 1 and height - 1 in 14 bits each, least significant bits first.
            if (head.Length < 25) return SniffResult.Incomplete;
            if (head[20] != 0x2F) return SniffResult.NotAnImage;
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return Found(WebP, 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }

        return SniffResult.NotAnImage;
    }

    private static SniffResult Found(string contentType, long width, long height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue
            ? new SniffResult(new ImageInfo(contentType, (int)width, (int)height), false)
            : SniffResult.NotAnImage;

    private static int ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | bytes[1] << 8 | bytes[2] << 16;

    /// <summary>Whether <paramref name="expected"/> stands at <paramref name="offset"/>, judged on the bytes there are.</summary>
    private static Match MatchAt(ReadOnlySpan<byte> head, int offset, ReadOnlySpan<byte> expected)
    {
        if (head.Length <= offset) return Match.Partial;
        var available = Math.Min(head.Length - offset, expected.Length);
        if (!head.Slice(offset, available).SequenceEqual(expected[..available])) return Match.No;
        return available == expected.Length ? Match.Full : Match.Partial;
    }

    private static Match Either(Match first, Match second) =>
        first == Match.Full || second == Match.Full ? Match.Full
        : first == Match.Partial || second == Match.Partial ? Match.Partial
        : Match.No;

    private static Match Both(Match first, Match second) =>
        first == Match.No || second == Match.No ? Match.No
        : first == Match.Full && second == Match.Full ? Match.Full
        : Match.Partial;
}
