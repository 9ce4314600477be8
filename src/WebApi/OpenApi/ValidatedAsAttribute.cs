namespace CleanBackend.WebApi.OpenApi;

/// <summary>
/// On an HTTP body record whose fields the endpoint copies into a request: the request whose validator checks them,
/// so the document shows that validator's rules for the body's fields of the same name.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ValidatedAsAttribute(Type request) : Attribute
{
    public Type Request { get; } = request;
}
