using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CleanBackend.TestSupport;

/// <summary>
/// Small but complete images in each accepted format, written byte by byte (the package feed has no imaging
/// library): each one decodes in a real decoder, so the tests upload what a browser would.
/// </summary>
public static class TestImages
{
    /// <summary>
    /// An RGB PNG; <paramref name="totalBytes"/> pads it to an exact size with a tEXt chunk. <paramref name="paint"/>
    /// gives each pixel's colour from its x and y (a picture for screenshots); without it the bytes are a pattern.
    /// </summary>
    public static byte[] Png(int width, int height, int? totalBytes = null, Func<int, int, (byte R, byte G, byte B)>? paint = null)
    {
        var stride = 1 + width * 3;
        var scanlines = new byte[height * stride];
        for (var i = 0; i < scanlines.Length; i++) scanlines[i] = i % stride == 0 ? (byte)0 : (byte)(i * 7);
        if (paint is not null)
        {
            for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = paint(x, y);
                scanlines[y * stride + 1 + x * 3] = r;
                scanlines[y * stride + 2 + x * 3] = g;
                scanlines[y * stride + 3 + x * 3] = b;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(scanlines);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WritePngChunk(png, "IHDR", header);
        const int chunkOverhead = 12, textKeyword = 8, ending = chunkOverhead * 2; // IDAT and IEND framing
        if (totalBytes is { } total)
        {
            var padding = total - (int)png.Length - chunkOverhead - textKeyword - ((int)compressed.Length + ending);
            if (padding < 0) throw new ArgumentOutOfRangeException(nameof(totalBytes), "Too small for this image.");
            var text = new byte[textKeyword + padding];
            "Comment\0"u8.CopyTo(text);
            text.AsSpan(textKeyword).Fill((byte)'x');
            WritePngChunk(png, "tEXt", text);
        }

        WritePngChunk(png, "IDAT", compressed.ToArray());
        WritePngChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A GIF89a whose logical screen is <paramref name="width"/> x <paramref name="height"/>, holding one 1x1 image.</summary>
    public static byte[] Gif(int width, int height)
    {
        var gif = new List<byte>("GIF89a"u8.ToArray());
        gif.AddRange(LittleEndian16(width));
        gif.AddRange(LittleEndian16(height));
        gif.AddRange([0x80, 0x00, 0x00]); // a global colour table of 2 entries, background 0, no aspect ratio
        gif.AddRange([0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF]);
        gif.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // image descriptor: at 0,0, 1x1, no local table
        gif.AddRange([0x02, 0x02, 0x44, 0x01, 0x00]); // LZW: minimum code size 2, one sub-block (clear, 0, end)
        gif.Add(0x3B);
        return [.. gif];
    }

    /// <summary>
    /// A baseline greyscale JPEG of one flat colour: one Huffman code per table, so every 8x8 block is "DC unchanged,
    /// end of block". <paramref name="metadataBytes"/> adds APP1 segments before the frame header, like camera EXIF.
    /// </summary>
    public static byte[] Jpeg(int width, int height, int metadataBytes = 0)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        AddJpegSegment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        for (var left = metadataBytes; left > 0; left -= 60_000)
            AddJpegSegment(jpeg, 0xE1, Enumerable.Repeat((byte)'m', Math.Min(left, 60_000)).ToArray());
        AddJpegSegment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        AddJpegSegment(jpeg, 0xC0, [8, .. BigEndian16(height), .. BigEndian16(width), 1, 1, 0x11, 0]);
        AddJpegSegment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0x00]); // DC table: symbol 0 (no change) has code "0"
        AddJpegSegment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0x00]); // AC table: symbol 0 (end of block) has code "0"
        AddJpegSegment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);

        var blocks = (width + 7) / 8 * ((height + 7) / 8);
        var bits = blocks * 2;
        var data = new byte[(bits + 7) / 8];
        if (bits % 8 != 0) data[^1] = (byte)(0xFF >> (bits % 8)); // pad the last byte with 1-bits, as the format asks
        jpeg.AddRange(data);
        jpeg.AddRange([0xFF, 0xD9]);
        return [.. jpeg];
    }

    /// <summary>
    /// A lossless (VP8L) WebP of one colour: five prefix codes with a single symbol each, which take zero bits per pixel.
    /// </summary>
    public static byte[] WebP(int width, int height)
    {
        var bits = new BitWriter();
        bits.Write(width - 1, 14);
        bits.Write(height - 1, 14);
        bits.Write(0, 1); // alpha unused
        bits.Write(0, 3); // version
        bits.Write(0, 1); // no transforms
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // no meta prefix codes
        foreach (var symbol in new[] { 200, 30, 90, 255 }) // green, red, blue, alpha
        {
            bits.Write(1, 1); // simple code
            bits.Write(0, 1); // one symbol
            bits.Write(1, 1); // an 8-bit symbol
            bits.Write(symbol, 8);
        }

        bits.Write(1, 1);
        bits.Write(0, 1);
        bits.Write(0, 1); // distance code: one 1-bit symbol
        bits.Write(0, 1);

        byte[] payload = [0x2F, .. bits.ToArray()];
        var chunk = new List<byte>("VP8L"u8.ToArray());
        chunk.AddRange(LittleEndian32(payload.Length));
        chunk.AddRange(payload);
        if (payload.Length % 2 == 1) chunk.Add(0);

        return [.. "RIFF"u8, .. LittleEndian32(4 + chunk.Count), .. "WEBP"u8, .. chunk];
    }

    private static void WritePngChunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, ~Crc32(Crc32(0xFFFFFFFFu, typeBytes), data));
        png.Write(crc);
    }

    /// <summary>Table-driven: test bodies reach tens of megabytes.</summary>
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        return c;
    }).ToArray();

    /// <summary>Continues the CRC-32 (ISO-HDLC) that PNG chunks end with; start at 0xFFFFFFFF, invert at the end.</summary>
    private static uint Crc32(uint crc, byte[] bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static void AddJpegSegment(List<byte> jpeg, byte marker, byte[] payload)
    {
        jpeg.AddRange([0xFF, marker]);
        jpeg.AddRange(BigEndian16(payload.Length + 2));
        jpeg.AddRange(payload);
    }

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];
    private static byte[] LittleEndian16(int value) => [(byte)value, (byte)(value >> 8)];
    private static byte[] LittleEndian32(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    /// <summary>Packs values least significant bit first, as VP8L reads them.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _used;

        public void Write(int value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_used % 8 == 0) _bytes.Add(0);
                if (((value >> i) & 1) != 0) _bytes[^1] |= (byte)(1 << (_used % 8));
                _used++;
            }
        }

        public byte[] ToArray() => [.. _bytes];
    }
}
