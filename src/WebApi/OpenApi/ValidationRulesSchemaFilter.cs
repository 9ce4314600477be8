using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// Writes the FluentValidation rules of a request into its schema, so a generated client or an API fuzzer knows what
/// the server refuses: not null / not empty -> required (and minLength 1), lengths, patterns, e-mail, numeric ranges.
/// Read from the validators themselves (the singletons the pipeline runs), so the document can't drift from them.
/// A rule that only applies under a condition (<c>When</c>) never makes its field required. Rules written as code
/// (<c>Must</c>) can't be shown; their messages still come back as field errors.
/// No maintained package does this for Swashbuckle 11 on this feed (docs/decisions/0010-openapi-from-the-validators.md).
/// </summary>
public sealed class ValidationRulesSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is null) return;
        var validatedType = context.Type.GetCustomAttribute<ValidatedAsAttribute>()?.Request ?? context.Type;
        if (services.GetService(typeof(IValidator<>).MakeGenericType(validatedType)) is not IValidator validator) return;

        var descriptor = validator.CreateDescriptor();
        foreach (var member in validatedType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!target.Properties.TryGetValue(name, out var found) || found is not OpenApiSchema property) continue;
            foreach (var rule in descriptor.GetRulesForMember(member.Name))
            {
                foreach (var component in rule.Components)
                {
                    var conditional = rule.HasCondition || rule.HasAsyncCondition || component.HasCondition || component.HasAsyncCondition;
                    if (Apply(property, component.Validator) && !conditional)
                        (target.Required ??= new HashSet<string>()).Add(name);
                }
            }
        }
    }

    /// <summary>Shows one rule on the property's schema; true when the rule makes the field required.</summary>
    private static bool Apply(OpenApiSchema property, IPropertyValidator validator)
    {
        var isText = property.Type?.HasFlag(JsonSchemaType.String) == true;
        var isList = property.Type?.HasFlag(JsonSchemaType.Array) == true;
        switch (validator)
        {
            case INotNullValidator:
                return true;
            case INotEmptyValidator:
                if (isText) property.MinLength = Math.Max(property.MinLength ?? 0, 1);
                if (isList) property.MinItems = Math.Max(property.MinItems ?? 0, 1);
                return true;
            case ILengthValidator length when isText:
                if (length.Min > 0) property.MinLength = Math.Max(property.MinLength ?? 0, length.Min);
                if (length.Max >= 0) property.MaxLength = Math.Min(property.MaxLength ?? int.MaxValue, length.Max);
                return false;
            case IRegularExpressionValidator regex when isText:
                AddPattern(property, regex.Expression);
                return false;
            case IEmailValidator when isText:
                property.Format = "email";
                return false;
            case IBetweenValidator { From: IConvertible from, To: IConvertible to } between when !isText:
                property.Minimum = Number(from);
                property.Maximum = Number(to);
                if (between.Name.StartsWith("Exclusive", StringComparison.Ordinal))
                    (property.ExclusiveMinimum, property.ExclusiveMaximum) = (property.Minimum, property.Maximum);
                return false;
            default:
                return false;
        }
    }

    /// <summary>A schema has one pattern; a second one joins through allOf, so both still hold.</summary>
    private static void AddPattern(OpenApiSchema property, string pattern)
    {
        if (property.Pattern is null) property.Pattern = pattern;
        else (property.AllOf ??= []).Add(new OpenApiSchema { Pattern = pattern });
    }

    private static string Number(IConvertible value) => value.ToString(CultureInfo.InvariantCulture);
}
