using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Social;

/// <summary>
/// The text rule shared by posts and comments: 1-500 characters (as a person counts them, <see cref="VisibleText"/>)
/// once surrounding white space is trimmed.
/// </summary>
public static class PostText
{
    public const int MaxLength = 500;

    public static bool IsValid(string? text) => text?.Trim() is { Length: > 0 } trimmed && VisibleText.FitsIn(trimmed, MaxLength);

    /// <summary>The trimmed text; throws <see cref="DomainRuleException"/> on field <c>text</c> when it breaks the rule.</summary>
    public static string Normalize(string text) => IsValid(text)
        ? text.Trim()
        : throw new DomainRuleException("text", $"text must be 1-{MaxLength} characters long, not counting surrounding spaces.");
}
