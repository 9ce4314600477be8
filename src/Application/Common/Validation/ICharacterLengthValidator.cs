using CleanBackend.Domain.Common;

namespace CleanBackend.Application.Common.Validation;

/// <summary>A limit in characters as a person counts them (<see cref="VisibleText"/>), for the OpenAPI document to show.</summary>
public interface ICharacterLengthValidator
{
    int MaxCharacters { get; }
}
