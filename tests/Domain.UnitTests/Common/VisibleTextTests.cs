using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.UnitTests.Common;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("😀😀", 2)]          // surrogate pairs
    [InlineData("👍🏽", 1)]           // emoji with a skin tone
    [InlineData("👨‍👩‍👧", 1)]           // a family joined by zero-width joiners
    [InlineData("e\u0301", 1)]        // e with a combining acute accent
    public void Length_counts_what_a_person_sees_as_characters(string text, int expected) =>
        Assert.Equal(expected, VisibleText.Length(text));

    [Fact]
    public void A_text_fits_when_its_characters_fit_whatever_code_points_each_takes()
    {
        Assert.True(VisibleText.FitsIn(Repeat("😀", 500), 500));
        Assert.True(VisibleText.FitsIn(Repeat("👍🏽", 500), 500));        // 2 code points each
        Assert.True(VisibleText.FitsIn(Repeat("👩🏻‍❤️‍💋‍👨🏼", 500), 500)); // 10 code points each, the longest emoji
        Assert.False(VisibleText.FitsIn(Repeat("😀", 501), 500));
    }

    [Fact]
    public void A_text_within_its_characters_but_over_10_code_points_each_does_not_fit()
    {
        var zalgo = Repeat("e" + Repeat("\u0301", 20), 300); // 300 characters, 6300 code points

        Assert.Equal(300, VisibleText.Length(zalgo));
        Assert.False(VisibleText.FitsIn(zalgo, 500));
        Assert.Equal(10, VisibleText.CodePoints("👩🏻‍❤️‍💋‍👨🏼"));
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));
}
