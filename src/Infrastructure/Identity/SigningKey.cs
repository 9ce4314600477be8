using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CleanBackend.Infrastructure.Identity;

/// <summary>The access-token signing key: from <c>Auth:SigningKey</c>, or in Development generated once and kept in the data folder.</summary>
public static class SigningKey
{
    private const int MinimumBytes = 32;

    public static SymmetricSecurityKey Resolve(string? configured, IHostEnvironment environment, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < MinimumBytes)
                throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumBytes} bytes long.");
            return new SymmetricSecurityKey(bytes);
        }

        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. Outside Development the server refuses to start without it " +
                "(set the environment variable Auth__SigningKey to a random string of at least 32 characters).");

        return new SymmetricSecurityKey(LoadOrCreateDevelopmentKey(dataFolder));
    }

    private static byte[] LoadOrCreateDevelopmentKey(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "dev-signing-key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(dataFolder);
        var key = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
