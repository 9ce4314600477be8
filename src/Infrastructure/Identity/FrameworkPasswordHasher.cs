using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>The framework's PBKDF2 PasswordHasher (salted, versioned format).</summary>
public sealed class FrameworkPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        hash.Length > 0 && _hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
