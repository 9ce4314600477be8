using System.Buffers.Binary;
using System.Buffers.Text;

namespace CleanBackend.Application.Common.Paging;

/// <summary>
/// Opaque cursors over id-ordered lists. Ids are time-ordered snowflakes, so "everything older than the last
/// item seen" is stable while new items arrive: no duplicates, no gaps.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode(long lastId)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, lastId);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? cursor, out long lastId)
    {
        lastId = long.MaxValue;
        if (string.IsNullOrEmpty(cursor)) return true;
        Span<byte> bytes = stackalloc byte[9];
        if (!Base64Url.IsValid(cursor) || Base64Url.GetMaxDecodedLength(cursor.Length) != 8) return false;
        if (Base64Url.DecodeFromChars(cursor, bytes) != 8) return false;
        lastId = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return lastId > 0;
    }

    /// <summary>Builds the page from up to limit+1 rows ordered newest first: the extra row only says there is more.</summary>
    public static CursorPage<T> ToPage<T>(IReadOnlyList<T> rowsPlusOne, int limit, Func<T, long> idOf) =>
        ToPage(rowsPlusOne, limit, items => Encode(idOf(items[^1])));

    /// <summary>
    /// As above, for lists not paged by id: <paramref name="nextCursorOf"/> makes the next page's cursor from
    /// this page's items, and is only called when there is a next page.
    /// </summary>
    public static CursorPage<T> ToPage<T>(IReadOnlyList<T> rowsPlusOne, int limit, Func<IReadOnlyList<T>, string> nextCursorOf)
    {
        if (rowsPlusOne.Count <= limit) return new CursorPage<T>(rowsPlusOne, null);
        var items = rowsPlusOne.Take(limit).ToList();
        return new CursorPage<T>(items, nextCursorOf(items));
    }
}
