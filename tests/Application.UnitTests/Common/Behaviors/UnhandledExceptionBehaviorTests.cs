using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.UnitTests.Support;
using CleanBackend.Domain.Common;
using Microsoft.Extensions.Logging;
using Moq;

namespace CleanBackend.Application.UnitTests.Common.Behaviors;

public sealed class UnhandledExceptionBehaviorTests
{
    private readonly Mock<ILogger<SampleCommand>> _logger = new();

    private Task<string> Run(Exception thrown) =>
        new UnhandledExceptionBehavior<SampleCommand, string>(_logger.Object)
            .Handle(new SampleCommand("x"), CancellationToken.None, () => throw thrown);

    [Fact]
    public async Task Unexpected_error_is_logged_with_the_request_name_and_rethrown_unchanged()
    {
        var bug = new InvalidOperationException("boom");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(bug));

        Assert.Same(bug, thrown);
        _logger.VerifyLogged(LogLevel.Error, Times.Once(), bug);
        Assert.Contains(nameof(SampleCommand), Assert.Single(_logger.Messages(LogLevel.Error)));
    }

    public static TheoryData<Exception> ExpectedErrors => new()
    {
        new ValidationException("name", "required"),
        new NotFoundException(),
        new ConflictException(),
        new ForbiddenException(),
        new UnauthorizedException(),
        new DomainRuleException("mediaIds", "already used"),
        new PayloadTooLargeException("too big"),
        new UnsupportedMediaTypeException("not an image"),
        new OperationCanceledException(),
        new TaskCanceledException(),
    };

    [Theory]
    [MemberData(nameof(ExpectedErrors))]
    public async Task Errors_the_caller_caused_are_rethrown_without_logging(Exception expected)
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Run(expected));

        Assert.Same(expected, thrown);
        Assert.Empty(_logger.Invocations);
    }

    [Fact]
    public async Task Successful_request_returns_the_response_and_logs_nothing()
    {
        var behavior = new UnhandledExceptionBehavior<SampleCommand, string>(_logger.Object);

        var response = await behavior.Handle(new SampleCommand("x"), CancellationToken.None, () => Task.FromResult("ok"));

        Assert.Equal("ok", response);
        Assert.Empty(_logger.Invocations);
    }
}
