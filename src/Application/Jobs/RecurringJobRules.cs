using FluentValidation;

namespace CleanBackend.Application.Jobs;

public static class RecurringJobRules
{
    public const int NameMaxLength = 100;

    /// <summary>Recurring job names are configuration keys (Jobs:Recurring:&lt;name&gt;): lower-case words joined by hyphens.</summary>
    public static IRuleBuilderOptions<T, string> ValidRecurringJobName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(NameMaxLength).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("'{PropertyName}' must be a recurring job name: lower-case letters and digits, words joined by hyphens.");
}
