using System.Buffers.Binary;
using System.Text;
using CleanBackend.Application.Media;

namespace CleanBackend.Application.UnitTests.Media;

public sealed class ImageSnifferTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string, byte[], string, int, int> Images => new()
    {
        { "png", Png(640, 480), ImageSniffer.Png, 640, 480 },
        { "png, largest legal size", Png(int.MaxValue, 1), ImageSniffer.Png, int.MaxValue, 1 },
        { "gif87a", Gif("GIF87a", 320, 200), ImageSniffer.Gif, 320, 200 },
        { "gif89a", Gif("GIF89a", 65535, 1), ImageSniffer.Gif, 65535, 1 },
        { "jpeg baseline", Jpeg(Segment(0xE0, new byte[14]), Frame(0xC0, width: 1024, height: 768)), ImageSniffer.Jpeg, 1024, 768 },
        { "jpeg progressive", Jpeg(Frame(0xC2, width: 3, height: 5)), ImageSniffer.Jpeg, 3, 5 },
        { "jpeg lossless", Jpeg(Frame(0xC3, width: 9, height: 9)), ImageSniffer.Jpeg, 9, 9 },
        { "jpeg with 130 KB of EXIF and ICC", Jpeg(Segment(0xE1, new byte[65_000]), Segment(0xE2, new byte[65_000]), Frame(0xC0, 4000, 3000)), ImageSniffer.Jpeg, 4000, 3000 },
        { "jpeg with fill bytes and tables first", Jpeg([0xFF, 0xFF], Segment(0xDB, new byte[65]), Segment(0xC4, new byte[20]), Segment(0xCC, new byte[4]), Frame(0xC1, 7, 2)), ImageSniffer.Jpeg, 7, 2 },
        { "webp lossy", WebP("VP8 ", [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, .. LittleEndian16(0xC000 | 550), .. LittleEndian16(0x4000 | 368), 0, 0]), ImageSniffer.WebP, 550, 368 },
        { "webp lossless", WebP("VP8L", [0x2F, .. LittleEndian32((uint)(99 | 49 << 14 | 1 << 28))]), ImageSniffer.WebP, 100, 50 },
        { "webp extended", WebP("VP8X", [0x10, 0, 0, 0, .. LittleEndian24(16_777_215), .. LittleEndian24(0)]), ImageSniffer.WebP, 16_777_216, 1 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Recognises_each_format_and_reads_its_dimensions(string kind, byte[] bytes, string contentType, int width, int height)
    {
        var result = ImageSniffer.Sniff(bytes);

        Assert.False(result.NeedsMoreBytes, kind);
        Assert.Equal(new ImageInfo(contentType, width, height), result.Image);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_prefix_too_short_to_decide_asks_for_more_bytes_and_never_says_not_an_image(string kind, byte[] bytes, string contentType, int width, int height)
    {
        var expected = new ImageInfo(contentType, width, height);
        var decidedAt = -1;
        for (var length = 0; length <= bytes.Length; length++)
        {
            var result = ImageSniffer.Sniff(bytes.AsSpan(0, length));
            if (decidedAt < 0 && !result.NeedsMoreBytes) decidedAt = length;
            Assert.True(decidedAt < 0 ? result.Image is null : result.Image == expected, $"{kind}, first {length} bytes: {result}");
        }

        Assert.InRange(decidedAt, 1, bytes.Length);
    }

    [Fact]
    public void Nothing_yet_asks_for_more_bytes() => Assert.Equal(SniffResult.Incomplete, ImageSniffer.Sniff([]));

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "text", "Just some text, long enough to decide on."u8.ToArray() },
        { "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() },
        { "bmp", [.. "BM"u8, .. new byte[40]] },
        { "pdf", "%PDF-1.7\n"u8.ToArray() },
        { "riff wave", [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8, .. new byte[20]] },
        { "gif with an unknown version", [.. "GIF88a"u8, 1, 0, 1, 0] },
        { "png whose first chunk is not IHDR", [.. PngSignature, 0, 0, 0, 13, .. "IDAT"u8, .. new byte[8]] },
        { "png of zero width", Png(0, 10) },
        { "png wider than 2^31 - 1", Png(unchecked((int)0x80000000), 1) },
        { "gif of zero height", Gif("GIF89a", 10, 0) },
        { "jpeg whose scan starts before any frame header", Jpeg(Segment(0xDA, new byte[10]), Frame(0xC0, 1, 1)) },
        { "jpeg that ends before any frame header", Jpeg([0xFF, 0xD9]) },
        { "jpeg with a second start-of-image", Jpeg([0xFF, 0xD8], Frame(0xC0, 1, 1)) },
        { "jpeg with garbage where a marker belongs", Jpeg([0x12, 0x34], Frame(0xC0, 1, 1)) },
        { "jpeg with a segment length below 2", Jpeg([0xFF, 0xE0, 0x00, 0x01], Frame(0xC0, 1, 1)) },
        { "jpeg whose height comes later (DNL)", Jpeg(Frame(0xC0, width: 10, height: 0)) },
        { "webp lossy that is not a key frame", WebP("VP8 ", [0x11, 0x02, 0x00, 0x9D, 0x01, 0x2A, 10, 0, 10, 0, 0, 0]) },
        { "webp lossy without the start code", WebP("VP8 ", [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2B, 10, 0, 10, 0, 0, 0]) },
        { "webp lossless without its signature byte", WebP("VP8L", [0x2E, 1, 0, 0, 0]) },
        { "webp with an unknown first chunk", WebP("VP9 ", new byte[16]) },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Rejects_what_is_not_a_well_formed_jpeg_png_gif_or_webp_header(string kind, byte[] bytes)
    {
        var result = ImageSniffer.Sniff(bytes);

        Assert.False(result.NeedsMoreBytes, kind);
        Assert.Null(result.Image);
    }

    [Fact]
    public void Decides_from_the_first_bytes_that_match_no_signature()
    {
        Assert.Equal(SniffResult.NotAnImage, ImageSniffer.Sniff("{"u8));
        Assert.Equal(SniffResult.NotAnImage, ImageSniffer.Sniff([0x89, 0x50, 0x4E, 0x48]));
        Assert.Equal(SniffResult.NotAnImage, ImageSniffer.Sniff([.. "RIFF"u8, 0, 0, 0, 0, .. "AV"u8]));
    }

    private static byte[] Png(int width, int height) =>
        [.. PngSignature, 0, 0, 0, 13, .. "IHDR"u8, .. BigEndian32(width), .. BigEndian32(height), 8, 2, 0, 0, 0, 0, 0, 0, 0];

    private static byte[] Gif(string version, int width, int height) =>
        [.. Encoding.ASCII.GetBytes(version), .. LittleEndian16(width), .. LittleEndian16(height), 0, 0, 0];

    private static byte[] Jpeg(params byte[][] segments) => [0xFF, 0xD8, .. segments.SelectMany(s => s), 0xFF, 0xD9];

    private static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, .. BigEndian16(payload.Length + 2), .. payload];

    private static byte[] Frame(byte marker, int width, int height) =>
        Segment(marker, [8, .. BigEndian16(height), .. BigEndian16(width), 1, 1, 0x11, 0]);

    private static byte[] WebP(string chunk, byte[] payload) =>
        [.. "RIFF"u8, .. LittleEndian32((uint)(12 + payload.Length)), .. "WEBP"u8, .. Encoding.ASCII.GetBytes(chunk), .. LittleEndian32((uint)payload.Length), .. payload];

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] BigEndian32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian16(int value) => [(byte)value, (byte)(value >> 8)];
    private static byte[] LittleEndian24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static byte[] LittleEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
