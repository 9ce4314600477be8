using System.Globalization;

namespace CleanBackend.Domain.Common;

/// <summary>
/// Text measured as a person reads it. A length limit counts grapheme clusters, what a person sees as one character
/// ("👍🏽" is one, not the four UTF-16 units .NET's Length counts), so 500 emoji fit in a 500-character post.
/// A text must also fit its column: PostgreSQL's varchar(n) counts code points, and a cluster can hold several
/// (a skin tone, a family joined by zero-width joiners), so at most <c>max</c> code points are stored as well.
/// </summary>
public static class VisibleText
{
    /// <summary>Characters as a person counts them (extended grapheme clusters, Unicode UAX #29).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>At most <paramref name="max"/> characters as a person counts them, and stored in a column of that size.</summary>
    public static bool FitsIn(string text, int max) => Length(text) <= max && CodePoints(text) <= max;

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }
}
