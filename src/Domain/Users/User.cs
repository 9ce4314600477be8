using CleanBackend.Domain.Common;

namespace CleanBackend.Domain.Users;

public sealed class User : Entity
{
    public const int UserNameMinLength = 3;
    public const int UserNameMaxLength = 30;

    /// <summary>The characters a userName may have, as the inside of a regex character class.</summary>
    public const string UserNameCharacters = "A-Za-z0-9_";

    /// <summary>
    /// A whole userName as a regex. The lengths repeat <see cref="UserNameMinLength"/> and <see cref="UserNameMaxLength"/>:
    /// a generated regex needs a const string, and a const int cannot be interpolated into one.
    /// </summary>
    public const string UserNamePattern = $"[{UserNameCharacters}]{{3,30}}";

    public const int EmailMaxLength = 254;
    public const int DisplayNameMaxLength = 50;
    public const int BioMaxLength = 500;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    private User() { }

    public User(long id, string userName, string email, string displayName, string role, DateTimeOffset createdAt)
    {
        Id = id;
        UserName = userName.ToLowerInvariant();
        Email = email;
        NormalizedEmail = NormalizeEmail(email);
        SetDisplayName(displayName);
        Role = role;
        CreatedAt = createdAt;
    }

    /// <summary>Stored lower-case, so uniqueness and look-ups are case-insensitive on every provider.</summary>
    public string UserName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    /// <summary><see cref="DisplayName"/> in lower case (invariant): what user search matches prefixes against.</summary>
    public string NormalizedDisplayName { get; private set; } = "";
    public string? Bio { get; private set; }
    public string Role { get; private set; } = Roles.User;
    public DateTimeOffset CreatedAt { get; private set; }

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    public void SetPasswordHash(string passwordHash) => PasswordHash = passwordHash;

    public static string NormalizeDisplayName(string displayName) => displayName.ToLowerInvariant();

    public void UpdateProfile(string displayName, string? bio)
    {
        SetDisplayName(displayName);
        Bio = string.IsNullOrWhiteSpace(bio) ? null : bio;
    }

    public void PromoteToAdmin() => Role = Roles.Admin;

    private void SetDisplayName(string displayName)
    {
        DisplayName = displayName;
        NormalizedDisplayName = NormalizeDisplayName(displayName);
    }
}
