using CleanBackend.Application.Jobs;

namespace CleanBackend.Application.UnitTests.Jobs;

public sealed class JobHistoryCursorTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cursor_survives_encoding()
    {
        var cursor = new JobHistoryCursor(T, 3);

        Assert.True(JobHistoryCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_cursor_is_the_first_page(string? text)
    {
        Assert.True(JobHistoryCursor.TryDecode(text, out var decoded));
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("AAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAA")]
    [InlineData("__________________")]
    public void Anything_else_is_rejected(string text)
    {
        Assert.False(JobHistoryCursor.TryDecode(text, out _));
    }

    [Fact]
    public void The_next_page_starts_at_the_last_rows_tick_skipping_the_rows_already_listed_there()
    {
        var page = new[] { Run(T.AddSeconds(2)), Run(T), Run(T) };

        var next = JobHistoryCursor.After(page, current: null);

        Assert.Equal(new JobHistoryCursor(T.AddTicks(1), 2), next);
    }

    [Fact]
    public void A_page_wholly_at_the_boundary_tick_keeps_the_rows_skipped_before_it()
    {
        var previous = new JobHistoryCursor(T.AddTicks(1), 2);

        var next = JobHistoryCursor.After([Run(T), Run(T)], previous);

        Assert.Equal(new JobHistoryCursor(T.AddTicks(1), 4), next);
    }

    private static JobRunDto Run(DateTimeOffset firedAt) =>
        new(Guid.NewGuid().ToString("N"), "job", "trigger", "node", firedAt, 1, JobRunResults.Succeeded, 1, false, false, null, false);
}
