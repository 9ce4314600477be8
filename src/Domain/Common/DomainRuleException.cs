namespace CleanBackend.Domain.Common;

/// <summary>A business rule was broken by the caller's input (mapped to 400 by the API).</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
