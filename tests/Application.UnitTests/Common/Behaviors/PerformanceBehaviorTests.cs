using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.UnitTests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CleanBackend.Application.UnitTests.Common.Behaviors;

public sealed class PerformanceBehaviorTests
{
    private readonly Mock<ILogger<SampleCommand>> _logger = new();
    private readonly FakeTimeProvider _time = new();

    private Task<string> RunTaking(TimeSpan duration, int? thresholdMs = null)
    {
        var options = new PipelineOptions();
        if (thresholdMs is { } ms) options.SlowRequestThresholdMs = ms;
        return new PerformanceBehavior<SampleCommand, string>(_logger.Object, Options.Create(options), _time)
            .Handle(new SampleCommand("x"), CancellationToken.None, () =>
            {
                _time.Advance(duration);
                return Task.FromResult("handled");
            });
    }

    [Fact]
    public void Default_threshold_is_500_ms()
    {
        Assert.Equal(500, new PipelineOptions().SlowRequestThresholdMs);
    }

    [Fact]
    public async Task Request_slower_than_the_threshold_is_logged_as_a_warning_with_name_and_time()
    {
        Assert.Equal("handled", await RunTaking(TimeSpan.FromMilliseconds(750)));

        _logger.VerifyLogged(LogLevel.Warning, Times.Once());
        var message = Assert.Single(_logger.Messages(LogLevel.Warning));
        Assert.Contains(nameof(SampleCommand), message);
        Assert.Contains("750", message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(499)]
    [InlineData(500)]
    public async Task Request_within_the_threshold_logs_nothing(int elapsedMs)
    {
        Assert.Equal("handled", await RunTaking(TimeSpan.FromMilliseconds(elapsedMs)));

        Assert.Empty(_logger.Invocations);
    }

    [Fact]
    public async Task Threshold_comes_from_the_options()
    {
        await RunTaking(TimeSpan.FromMilliseconds(60), thresholdMs: 50);
        _logger.VerifyLogged(LogLevel.Warning, Times.Once());

        await RunTaking(TimeSpan.FromMilliseconds(60), thresholdMs: 5_000);
        _logger.VerifyLogged(LogLevel.Warning, Times.Once());
    }
}
