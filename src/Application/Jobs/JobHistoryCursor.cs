using System.Buffers.Binary;
using System.Buffers.Text;

namespace CleanBackend.Application.Jobs;

/// <summary>
/// Where the next page of the execution history starts. History rows have no time-ordered id (ids are random),
/// so the position is the fire time: rows fired before <see cref="FiredBefore"/>, skipping the first
/// <see cref="Skip"/> (the rows of earlier pages that fired at the boundary's very tick). Stable while new runs
/// are recorded, which an offset alone is not: a new run would shift every page by one.
/// </summary>
public readonly record struct JobHistoryCursor(DateTimeOffset FiredBefore, int Skip)
{
    private const int Length = 12;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, FiredBefore.UtcTicks);
        BinaryPrimitives.WriteInt32BigEndian(bytes[8..], Skip);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>True with null for no cursor (the first page), true with the position for a cursor this API returned.</summary>
    public static bool TryDecode(string? text, out JobHistoryCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        Span<byte> bytes = stackalloc byte[Length + 1];
        if (!Base64Url.IsValid(text) || Base64Url.GetMaxDecodedLength(text.Length) != Length) return false;
        if (Base64Url.DecodeFromChars(text, bytes) != Length) return false;
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var skip = BinaryPrimitives.ReadInt32BigEndian(bytes[8..]);
        if (ticks <= 0 || ticks > DateTimeOffset.MaxValue.UtcTicks || skip < 0) return false;
        cursor = new JobHistoryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), skip);
        return true;
    }

    /// <summary>The position after <paramref name="page"/>, which was read from <paramref name="current"/> (null: the first page).</summary>
    public static JobHistoryCursor After(IReadOnlyList<JobRunDto> page, JobHistoryCursor? current)
    {
        var last = page[^1].FiredAt;
        var boundary = last.AddTicks(1);
        var atLastTick = page.Count(r => r.FiredAt == last);
        // Every row of this page fired at the boundary tick as well: the rows skipped to reach it stay skipped.
        var carried = current is { } c && c.FiredBefore == boundary ? c.Skip : 0;
        return new JobHistoryCursor(boundary, carried + atLastTick);
    }
}
