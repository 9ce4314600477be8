using CleanBackend.Application.Common.Validation;
using CleanBackend.Domain.Social;
using FluentValidation;

namespace CleanBackend.Application.Posts;

/// <summary>Field rules shared by the use cases that take post or comment text.</summary>
public static class PostRules
{
    private static readonly string Message = $"text must be 1-{PostText.MaxLength} characters long, not counting surrounding spaces.";

    /// <summary>The rule of <see cref="PostText"/>, as rules the OpenAPI document can show (pattern, maxLength).</summary>
    public static IRuleBuilderOptions<T, string> ValidPostText<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotNull().NotBlank().WithMessage(Message).MaximumCharacters(PostText.MaxLength).WithMessage(Message);
}
