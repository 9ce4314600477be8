namespace CleanBackend.Application.Common.Security;

/// <summary>On a request type: the caller must be signed in and, when <see cref="Roles"/> is set, hold one of them.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <summary>Comma-separated role names; empty means any signed-in user.</summary>
    public string Roles { get; init; } = "";
}
