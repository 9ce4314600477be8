using CleanBackend.Domain.Social;
using FluentValidation;

namespace CleanBackend.Application.Posts;

/// <summary>Field rules shared by the use cases that take post or comment text.</summary>
public static class PostRules
{
    public static IRuleBuilderOptions<T, string> ValidPostText<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotNull().Must(PostText.IsValid)
            .WithMessage($"text must be 1-{PostText.MaxLength} characters long, not counting surrounding spaces.");
}
