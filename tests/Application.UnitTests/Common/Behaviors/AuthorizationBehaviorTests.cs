using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.UnitTests.Support;
using Moq;

namespace CleanBackend.Application.UnitTests.Common.Behaviors;

public sealed class AuthorizationBehaviorTests
{
    private readonly Mock<ICurrentUser> _caller = new();
    private int _nextCalls;

    private Task<string> Run<TRequest>(TRequest request) =>
        new AuthorizationBehavior<TRequest, string>(_caller.Object).Handle(request, CancellationToken.None, () =>
        {
            _nextCalls++;
            return Task.FromResult("handled");
        });

    private void SignIn(params string[] roles)
    {
        _caller.Setup(c => c.UserId).Returns(42);
        _caller.Setup(c => c.IsInRole(It.IsAny<string>())).Returns((string role) => roles.Contains(role));
    }

    [Fact]
    public async Task Request_without_attribute_passes_even_when_nobody_is_signed_in()
    {
        Assert.Equal("handled", await Run(new SampleCommand("x")));
        Assert.Equal(1, _nextCalls);
        _caller.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Unauthenticated_caller_gets_UnauthorizedException_and_the_handler_does_not_run()
    {
        await Assert.ThrowsAsync<UnauthorizedException>(() => Run(new SignedInCommand()));
        await Assert.ThrowsAsync<UnauthorizedException>(() => Run(new AdminCommand("x")));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task Authorize_without_roles_accepts_any_signed_in_caller()
    {
        SignIn();

        Assert.Equal("handled", await Run(new SignedInCommand()));
    }

    [Fact]
    public async Task Caller_without_the_role_gets_ForbiddenException_and_the_handler_does_not_run()
    {
        SignIn("user");

        await Assert.ThrowsAsync<ForbiddenException>(() => Run(new AdminCommand("x")));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task Caller_with_the_role_passes()
    {
        SignIn("user", "admin");

        Assert.Equal("handled", await Run(new AdminCommand("x")));
        Assert.Equal(1, _nextCalls);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("moderator")]
    public async Task Any_role_of_a_comma_separated_list_is_enough(string role)
    {
        SignIn(role);

        Assert.Equal("handled", await Run(new AdminOrModeratorCommand()));
    }

    [Fact]
    public async Task Every_attribute_must_be_satisfied()
    {
        SignIn("admin");
        await Assert.ThrowsAsync<ForbiddenException>(() => Run(new AdminAndAuditorCommand()));

        SignIn("admin", "auditor");
        Assert.Equal("handled", await Run(new AdminAndAuditorCommand()));
    }
}
