using CleanBackend.Application.Auth;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Application.UnitTests.Auth;

public sealed class AuthValidatorTests
{
    // The rules assume AddApplication's global settings (stop at a property's first failure: Must() after
    // NotEmpty() never sees null), so validate under the configuration the app runs with.
    public AuthValidatorTests() => new ServiceCollection().AddApplication();

    private static string[] FailingFields<T>(IValidator<T> validator, T request) =>
        validator.Validate(request).Errors.Select(e => e.PropertyName).Distinct().Order().ToArray();

    private static RegisterUserCommand ValidRegistration => new("alice_1", "alice@example.test", "correct-horse", "Alice");

    [Fact]
    public void Valid_registration_passes()
    {
        Assert.Empty(FailingFields(new RegisterUserValidator(), ValidRegistration));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("a-b-c")]
    [InlineData("alice smith")]
    [InlineData("élise")]
    [InlineData("a234567890123456789012345678901")]
    public void UserName_must_be_3_to_30_letters_digits_or_underscores(string userName)
    {
        Assert.Equal(["UserName"], FailingFields(new RegisterUserValidator(), ValidRegistration with { UserName = userName }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    public void Email_must_be_an_email_address(string email)
    {
        Assert.Equal(["Email"], FailingFields(new RegisterUserValidator(), ValidRegistration with { Email = email }));
    }

    [Fact]
    public void Email_longer_than_254_is_rejected()
    {
        var email = new string('a', 250) + "@example.test";

        Assert.Equal(["Email"], FailingFields(new RegisterUserValidator(), ValidRegistration with { Email = email }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    public void Password_needs_at_least_8_characters(string password)
    {
        Assert.Equal(["Password"], FailingFields(new RegisterUserValidator(), ValidRegistration with { Password = password }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void DisplayName_must_not_be_blank(string displayName)
    {
        Assert.Equal(["DisplayName"], FailingFields(new RegisterUserValidator(), ValidRegistration with { DisplayName = displayName }));
    }

    [Fact]
    public void Null_fields_from_json_are_validation_errors_not_crashes()
    {
        var request = new RegisterUserCommand(null!, null!, null!, null!);

        Assert.Equal(["DisplayName", "Email", "Password", "UserName"], FailingFields(new RegisterUserValidator(), request));
        Assert.Equal(["Login", "Password"], FailingFields(new LogInValidator(), new LogInCommand(null!, null!)));
    }

    [Fact]
    public void Login_needs_a_login_and_a_password()
    {
        Assert.Empty(FailingFields(new LogInValidator(), new LogInCommand("alice", "x")));
        Assert.Equal(["Login", "Password"], FailingFields(new LogInValidator(), new LogInCommand("", "")));
    }
}
