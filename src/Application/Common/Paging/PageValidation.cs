using FluentValidation;

namespace CleanBackend.Application.Common.Paging;

/// <summary>The shared rules for <c>?cursor=&amp;limit=</c>.</summary>
public static class PageValidation
{
    public static void AddPageRules<T>(this AbstractValidator<T> validator, Func<T, string?> cursor, Func<T, int> limit)
    {
        validator.RuleFor(x => limit(x)).InclusiveBetween(1, Cursor.MaxLimit)
            .OverridePropertyName("limit").WithMessage($"limit must be between 1 and {Cursor.MaxLimit}.");
        validator.RuleFor(x => cursor(x)).Must(c => Cursor.TryDecode(c, out _))
            .OverridePropertyName("cursor").WithMessage("cursor is not a cursor this API returned.");
    }
}
