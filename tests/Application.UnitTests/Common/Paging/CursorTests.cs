using CleanBackend.Application.Common.Paging;

namespace CleanBackend.Application.UnitTests.Common.Paging;

public sealed class CursorTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(4096L)]
    [InlineData(7_234_567_890_123_456_789L)]
    [InlineData(long.MaxValue)]
    public void Encoded_id_decodes_to_the_same_id(long id)
    {
        var cursor = Cursor.Encode(id);

        Assert.True(Cursor.TryDecode(cursor, out var decoded));
        Assert.Equal(id, decoded);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void Cursor_is_url_safe_text_without_padding(long id)
    {
        Assert.Matches("^[A-Za-z0-9_-]{11}$", Cursor.Encode(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_cursor_means_the_first_page(string? cursor)
    {
        Assert.True(Cursor.TryDecode(cursor, out var lastId));
        Assert.Equal(long.MaxValue, lastId);
    }

    [Theory]
    [InlineData("!!!!!!!!!!!")]
    [InlineData("not a cursor")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAA")]
    [InlineData("AAAAAAAAAAA")]
    public void Garbage_wrong_length_or_zero_is_not_a_cursor(string cursor)
    {
        Assert.False(Cursor.TryDecode(cursor, out _));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(0L)]
    public void Cursor_of_a_non_positive_id_is_invalid(long id)
    {
        Assert.False(Cursor.TryDecode(Cursor.Encode(id), out _));
    }

    [Fact]
    public void Cursor_of_nine_bytes_is_invalid()
    {
        var nineBytes = Convert.ToBase64String(new byte[9]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.False(Cursor.TryDecode(nineBytes, out _));
    }

    [Fact]
    public void Page_with_no_more_rows_than_the_limit_is_the_last_page()
    {
        var page = Cursor.ToPage(new long[] { 30, 20, 10 }, limit: 3, id => id);

        Assert.Equal([30, 20, 10], page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public void Extra_row_is_dropped_and_the_cursor_points_at_the_last_item_returned()
    {
        var page = Cursor.ToPage(new long[] { 40, 30, 20, 10 }, limit: 3, id => id);

        Assert.Equal([40, 30, 20], page.Items);
        Assert.True(Cursor.TryDecode(page.NextCursor, out var lastId));
        Assert.Equal(20, lastId);
    }
}
