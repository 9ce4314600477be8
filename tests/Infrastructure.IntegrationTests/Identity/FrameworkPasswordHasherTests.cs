using CleanBackend.Infrastructure.Identity;

namespace CleanBackend.Infrastructure.IntegrationTests.Identity;

public sealed class FrameworkPasswordHasherTests
{
    private readonly FrameworkPasswordHasher _hasher = new();

    [Fact]
    public void A_hash_verifies_its_password_only()
    {
        var hash = _hasher.Hash("correct-horse");

        Assert.True(_hasher.Verify(hash, "correct-horse"));
        Assert.False(_hasher.Verify(hash, "wrong-horse"));
    }

    [Fact]
    public void An_empty_hash_never_verifies()
    {
        Assert.False(_hasher.Verify("", "correct-horse"));
        Assert.False(_hasher.Verify("", ""));
    }
}
