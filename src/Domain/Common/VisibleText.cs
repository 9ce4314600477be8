using System.Globalization;

namespace CleanBackend.Domain.Common;

/// <summary>
/// Text measured as a person reads it. A length limit counts grapheme clusters, what a person sees as one character
/// ("👍🏽" is one, not the four UTF-16 units .NET's Length counts), so 500 emoji fit in a 500-character post.
/// A cluster can hold several code points (a skin tone, a family joined by zero-width joiners) and, unchecked, any
/// number of combining marks ("zalgo" text), so the raw size is bounded too: at most
/// <see cref="MaxCodePointsPerCharacter"/> code points per allowed character (docs/decisions/0017-text-limits-count-characters.md).
/// </summary>
public static class VisibleText
{
    /// <summary>
    /// The longest emoji sequence Unicode recommends (a kiss or couple with two skin tones, "👩🏻‍❤️‍💋‍👨🏼") is 10 code
    /// points, so any text of recommended emoji fits.
    /// </summary>
    public const int MaxCodePointsPerCharacter = 10;

    /// <summary>Characters as a person counts them (extended grapheme clusters, Unicode UAX #29).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    public static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>The most code points a text limited to <paramref name="maxCharacters"/> characters may hold.</summary>
    public static int CodePointLimit(int maxCharacters) => maxCharacters * MaxCodePointsPerCharacter;

    /// <summary>At most <paramref name="max"/> characters as a person counts them, within the raw size they allow.</summary>
    public static bool FitsIn(string text, int max) => CodePoints(text) <= CodePointLimit(max) && Length(text) <= max;
}
