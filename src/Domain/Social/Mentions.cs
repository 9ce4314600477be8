using System.Text.RegularExpressions;
using CleanBackend.Domain.Users;

namespace CleanBackend.Domain.Social;

/// <summary>Finds <c>@userName</c> mentions in post text (the same characters and lengths a userName may have).</summary>
public static partial class Mentions
{
    /// <summary>The distinct mentioned userNames, lower-case (userNames are stored lower-case), in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        Mention().Matches(text).Select(m => m.Groups["name"].Value.ToLowerInvariant()).Distinct().ToList();

    // Not preceded by a name character or '@', so "bob@example.com" mentions nobody;
    // not followed by one either, so an over-long name is not cut down to a different, existing one.
    [GeneratedRegex($"(?<![{User.UserNameCharacters}@])@(?<name>{User.UserNamePattern})(?![{User.UserNameCharacters}])")]
    private static partial Regex Mention();
}
