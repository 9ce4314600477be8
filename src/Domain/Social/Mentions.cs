using System.Text.RegularExpressions;

namespace CleanBackend.Domain.Social;

/// <summary>Finds <c>@userName</c> mentions in post text (the same characters and lengths a userName may have).</summary>
public static partial class Mentions
{
    /// <summary>The distinct mentioned userNames, lower-case (userNames are stored lower-case), in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        Mention().Matches(text).Select(m => m.Groups["name"].Value.ToLowerInvariant()).Distinct().ToList();

    // Not preceded by a name character or '@', so "bob@example.com" mentions nobody;
    // not followed by one either, so an over-long name is not cut down to a different, existing one.
    [GeneratedRegex("(?<![A-Za-z0-9_@])@(?<name>[A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])")]
    private static partial Regex Mention();
}
