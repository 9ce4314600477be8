using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>The framework's PBKDF2 PasswordHasher (salted, versioned format).</summary>
public sealed class FrameworkPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    // Verified against when there is no real hash, so an unknown account costs as much time as a wrong password.
    private readonly string _decoyHash;

    public FrameworkPasswordHasher() => _decoyHash = _hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password)
    {
        var matches = _hasher.VerifyHashedPassword(null!, hash.Length > 0 ? hash : _decoyHash, password) != PasswordVerificationResult.Failed;
        return hash.Length > 0 && matches;
    }
}
