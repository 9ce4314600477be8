using FluentValidation;

namespace CleanBackend.Application.Common.Paging;

/// <summary>The shared rules for <c>?cursor=&amp;limit=</c>.</summary>
public static class PageValidation
{
    public static void AddPageRules<T>(this AbstractValidator<T> validator, Func<T, string?> cursor, Func<T, int> limit) =>
        validator.AddPageRules(cursor, limit, c => Cursor.TryDecode(c, out _));

    /// <summary>The same rules for a list with cursors of its own making: <paramref name="isCursor"/> tells them apart.</summary>
    public static void AddPageRules<T>(this AbstractValidator<T> validator, Func<T, string?> cursor, Func<T, int> limit, Func<string?, bool> isCursor)
    {
        validator.RuleFor(x => limit(x)).InclusiveBetween(1, Cursor.MaxLimit)
            .OverridePropertyName("limit").WithMessage($"limit must be between 1 and {Cursor.MaxLimit}.");
        validator.RuleFor(x => cursor(x)).Must(isCursor)
            .OverridePropertyName("cursor").WithMessage("cursor is not a cursor this API returned.");
    }
}
