using CleanBackend.Application.Auth;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.UnitTests.Support;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace CleanBackend.Application.UnitTests.Auth;

public sealed class RegisterUserHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryAppDatabase _database = new();
    private readonly Mock<IIdGenerator> _ids = new();
    private readonly Mock<IClock> _clock = new();
    private readonly Mock<IPasswordHasher> _hasher = new();

    public RegisterUserHandlerTests()
    {
        _ids.Setup(i => i.NextId()).Returns(1001);
        _clock.Setup(c => c.UtcNow).Returns(Now);
        _hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns((string password) => "hashed:" + password);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Runs the handler and saves, as the unit of work does after a command.</summary>
    private async Task<Application.Users.UserDto> RegisterAsync(RegisterUserCommand command)
    {
        var db = _database.CreateContext();
        var result = await new RegisterUserHandler(db, _ids.Object, _clock.Object, _hasher.Object).Handle(command, CancellationToken.None);
        await db.SaveChangesAsync();
        return result;
    }

    private async Task SeedAsync(string userName, string email)
    {
        var db = _database.CreateContext();
        db.Users.Add(new User(1, userName, email, "Existing", Roles.User, Now.AddDays(-1)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Registers_a_user_with_lower_case_name_trimmed_fields_hashed_password_and_role_user()
    {
        var dto = await RegisterAsync(new RegisterUserCommand("Alice_1", " Alice@Example.Test ", "correct-horse", "  Alice  "));

        var saved = await _database.CreateContext().Users.SingleAsync();
        Assert.Equal(1001, saved.Id);
        Assert.Equal("alice_1", saved.UserName);
        Assert.Equal("Alice@Example.Test", saved.Email);
        Assert.Equal("ALICE@EXAMPLE.TEST", saved.NormalizedEmail);
        Assert.Equal("Alice", saved.DisplayName);
        Assert.Equal("hashed:correct-horse", saved.PasswordHash);
        Assert.Equal(Roles.User, saved.Role);
        Assert.Equal(Now, saved.CreatedAt);
        _hasher.Verify(h => h.Hash("correct-horse"), Times.Once);

        Assert.Equal(new Application.Users.UserDto(1001, "alice_1", "Alice", null, Roles.User, Now, "Alice@Example.Test"), dto);
    }

    [Theory]
    [InlineData("ALICE")]
    [InlineData("alice")]
    public async Task Taken_userName_in_any_case_is_a_conflict(string userName)
    {
        await SeedAsync("alice", "first@example.test");

        await Assert.ThrowsAsync<ConflictException>(() =>
            RegisterAsync(new RegisterUserCommand(userName, "second@example.test", "correct-horse", "Alice")));

        Assert.Equal(1, await _database.CreateContext().Users.CountAsync());
        _hasher.Verify(h => h.Hash(It.IsAny<string>()), Times.Never);
    }

    [Theory]
    [InlineData("first@example.test")]
    [InlineData(" FIRST@Example.TEST ")]
    public async Task Registered_email_in_any_case_is_a_conflict(string email)
    {
        await SeedAsync("alice", "first@example.test");

        var error = await Assert.ThrowsAsync<ConflictException>(() =>
            RegisterAsync(new RegisterUserCommand("bob", email, "correct-horse", "Bob")));

        Assert.Contains("email", error.Message);
        Assert.Equal(1, await _database.CreateContext().Users.CountAsync());
    }
}
