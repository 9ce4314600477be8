using CleanBackend.Domain.Users;

namespace CleanBackend.Domain.UnitTests.Users;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static User NewUser(string userName = "Alice_1", string email = " Alice@Example.Test ") =>
        new(42, userName, email, "Alice", Roles.User, Now);

    [Fact]
    public void UserName_is_stored_lower_case_so_lookups_are_case_insensitive()
    {
        Assert.Equal("alice_1", NewUser(userName: "ALICE_1").UserName);
    }

    [Fact]
    public void Email_is_kept_as_given_and_normalized_trimmed_upper_case()
    {
        var user = NewUser();

        Assert.Equal(" Alice@Example.Test ", user.Email);
        Assert.Equal("ALICE@EXAMPLE.TEST", user.NormalizedEmail);
        Assert.Equal(User.NormalizeEmail("alice@example.test"), user.NormalizedEmail);
    }

    [Fact]
    public void New_user_keeps_id_role_and_creation_time_and_has_no_password_or_bio()
    {
        var user = NewUser();

        Assert.Equal(42, user.Id);
        Assert.Equal(Roles.User, user.Role);
        Assert.Equal(Now, user.CreatedAt);
        Assert.Equal("", user.PasswordHash);
        Assert.Null(user.Bio);
        Assert.Empty(user.DomainEvents);
    }

    [Fact]
    public void SetPasswordHash_replaces_the_hash()
    {
        var user = NewUser();
        user.SetPasswordHash("first");
        user.SetPasswordHash("second");

        Assert.Equal("second", user.PasswordHash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void UpdateProfile_stores_a_blank_bio_as_null(string? bio)
    {
        var user = NewUser();
        user.UpdateProfile("Alice B.", "something");

        user.UpdateProfile("Alice C.", bio);

        Assert.Equal("Alice C.", user.DisplayName);
        Assert.Null(user.Bio);
    }

    [Fact]
    public void UpdateProfile_sets_display_name_and_bio()
    {
        var user = NewUser();

        user.UpdateProfile("Alice B.", "Likes snowflakes");

        Assert.Equal("Alice B.", user.DisplayName);
        Assert.Equal("Likes snowflakes", user.Bio);
    }

    [Fact]
    public void PromoteToAdmin_makes_the_user_an_admin()
    {
        var user = NewUser();

        user.PromoteToAdmin();

        Assert.Equal(Roles.Admin, user.Role);
    }
}
