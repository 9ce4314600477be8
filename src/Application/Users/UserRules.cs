using CleanBackend.Application.Common.Validation;
using CleanBackend.Domain.Users;
using FluentValidation;

namespace CleanBackend.Application.Users;

/// <summary>Field rules shared by the use cases that accept them.</summary>
public static class UserRules
{
    public static IRuleBuilderOptions<T, string> ValidUserName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .Length(User.UserNameMinLength, User.UserNameMaxLength)
            .Matches($"^[{User.UserNameCharacters}]+$").WithMessage("userName may only contain letters a-z, digits and '_'.");

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(User.EmailMaxLength).EmailAddress();

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Length(User.PasswordMinLength, User.PasswordMaxLength);

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().NotBlank().NoInvisibleCharacters().MaximumCharacters(User.DisplayNameMaxLength);
}
