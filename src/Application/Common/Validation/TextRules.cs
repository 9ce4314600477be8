using CleanBackend.Domain.Common;
using FluentValidation;
using FluentValidation.Validators;

namespace CleanBackend.Application.Common.Validation;

/// <summary>Rules for text a person writes and others read.</summary>
public static class TextRules
{
    /// <summary>
    /// Bidirectional controls (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) and zero-width characters
    /// (U+200B-U+200D, U+2060-U+2064, U+FEFF): invisible, they let a name pass for another one or reverse the text
    /// shown after it. Written for both .NET and ECMAScript, as the OpenAPI document shows it to clients.
    /// </summary>
    public const string NoInvisibleCharactersPattern = @"^[^\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*$";

    /// <summary>At least one character that is not white space.</summary>
    public const string NotBlankPattern = @"\S";

    /// <summary>At most <paramref name="max"/> characters as a person counts them (<see cref="VisibleText"/>).</summary>
    public static IRuleBuilderOptions<T, string> MaximumCharacters<T>(this IRuleBuilder<T, string> rule, int max) =>
        rule.SetValidator(new CharacterLengthValidator<T>(max));

    public static IRuleBuilderOptions<T, string> NotBlank<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches(NotBlankPattern).WithMessage("'{PropertyName}' must not be blank.");

    /// <summary>For names shown to others: no bidirectional control, no zero-width character.</summary>
    public static IRuleBuilderOptions<T, string> NoInvisibleCharacters<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches(NoInvisibleCharactersPattern)
            .WithMessage("'{PropertyName}' must not contain invisible characters (zero-width or text-direction controls).");

    /// <summary>
    /// A maximum length in grapheme clusters, counted on the trimmed text (what is stored). A LengthValidator, so the
    /// OpenAPI document shows it as maxLength.
    /// </summary>
    private sealed class CharacterLengthValidator<T>(int max) : LengthValidator<T>(0, max)
    {
        public override string Name => "CharacterLengthValidator";

        public override bool IsValid(ValidationContext<T> context, string value)
        {
            if (value is null) return true;
            var text = value.Trim();
            if (VisibleText.FitsIn(text, Max)) return true;
            context.MessageFormatter.AppendArgument("MaxLength", Max).AppendArgument("TotalLength", VisibleText.Length(text));
            return false;
        }

        protected override string GetDefaultMessageTemplate(string errorCode) =>
            "'{PropertyName}' must be {MaxLength} characters or fewer. You entered {TotalLength} characters.";
    }
}
