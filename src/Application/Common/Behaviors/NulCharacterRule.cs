using System.Reflection;
using FluentValidation.Results;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.Common.Behaviors;

/// <summary>
/// No text of a request may hold the NUL character (U+0000): PostgreSQL can neither store nor compare it, so such
/// text failed at the database as a 500, and no field of this API has a use for it. Checked for every string
/// property of every request, so a new field can't forget it, whether it comes from a body, a route, a query or the hub.
/// </summary>
public static class NulCharacterRule<TRequest>
{
    // Found once per request type: most requests have one or two string properties, many have none.
    private static readonly PropertyInfo[] TextProperties = typeof(TRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.GetIndexParameters().Length == 0)
        .ToArray();

    /// <summary>A failure for each string property of <paramref name="request"/> that holds U+0000.</summary>
    public static IEnumerable<ValidationFailure> Check(TRequest request)
    {
        foreach (var property in TextProperties)
        {
            if (property.GetValue(request) is string text && text.Contains('\0'))
                yield return new ValidationFailure(property.Name,
                    $"'{ValidationException.FieldName(property.Name)}' must not contain the NUL character (U+0000).");
        }
    }
}
