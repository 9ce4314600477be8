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
    public void A_text_fits_when_both_its_characters_and_its_code_points_fit()
    {
        Assert.True(VisibleText.FitsIn(string.Concat(Enumerable.Repeat("😀", 500)), 500));
        Assert.False(VisibleText.FitsIn(string.Concat(Enumerable.Repeat("😀", 501)), 500));
        Assert.False(VisibleText.FitsIn(string.Concat(Enumerable.Repeat("👍🏽", 300)), 500)); // 300 characters, 600 code points
    }
}
