using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.UnitTests.Support;
using FluentValidation;
using FluentValidation.Results;
using Moq;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.UnitTests.Common.Behaviors;

public sealed class ValidationBehaviorTests
{
    private static readonly SampleCommand Request = new("x");
    private int _nextCalls;

    private Task<string> Run(params IValidator<SampleCommand>[] validators) =>
        new ValidationBehavior<SampleCommand, string>(validators).Handle(Request, CancellationToken.None, () =>
        {
            _nextCalls++;
            return Task.FromResult("handled");
        });

    private static Mock<IValidator<SampleCommand>> Validator(params ValidationFailure[] failures)
    {
        var validator = new Mock<IValidator<SampleCommand>>();
        validator.Setup(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ValidationResult(failures));
        return validator;
    }

    [Fact]
    public async Task Without_validators_the_handler_runs()
    {
        Assert.Equal("handled", await Run());
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task Valid_request_reaches_the_handler_after_every_validator_ran()
    {
        var first = Validator();
        var second = Validator();

        Assert.Equal("handled", await Run(first.Object, second.Object));

        first.Verify(v => v.ValidateAsync(It.Is<IValidationContext>(c => ReferenceEquals(c.InstanceToValidate, Request)), It.IsAny<CancellationToken>()), Times.Once);
        second.Verify(v => v.ValidateAsync(It.Is<IValidationContext>(c => ReferenceEquals(c.InstanceToValidate, Request)), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task Failures_of_all_validators_come_back_together_grouped_by_camelCase_field()
    {
        var first = Validator(
            new ValidationFailure("UserName", "userName is required."),
            new ValidationFailure("Author.DisplayName", "displayName is too long."));
        var second = Validator(
            new ValidationFailure("UserName", "userName is taken."),
            new ValidationFailure("MediaIds[0]", "unknown media."));

        var error = await Assert.ThrowsAsync<ValidationException>(() => Run(first.Object, second.Object));

        Assert.Equal(["author.displayName", "mediaIds[0]", "userName"], error.Errors.Keys.Order());
        Assert.Equal(["userName is required.", "userName is taken."], error.Errors["userName"]);
        Assert.Equal(["displayName is too long."], error.Errors["author.displayName"]);
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task The_same_message_twice_for_a_field_is_reported_once()
    {
        var first = Validator(new ValidationFailure("Name", "name is required."));
        var second = Validator(new ValidationFailure("Name", "name is required."));

        var error = await Assert.ThrowsAsync<ValidationException>(() => Run(first.Object, second.Object));

        Assert.Equal(["name is required."], error.Errors["name"]);
    }

    [Fact]
    public async Task A_failing_first_validator_does_not_stop_the_second()
    {
        var first = Validator(new ValidationFailure("Name", "bad"));
        var second = Validator();

        await Assert.ThrowsAsync<ValidationException>(() => Run(first.Object, second.Object));

        second.Verify(v => v.ValidateAsync(It.IsAny<IValidationContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Text_holding_a_NUL_character_is_a_failure_on_its_field_next_to_the_validators_failures()
    {
        var other = Validator(new ValidationFailure("Name", "name is taken."));
        var behavior = new ValidationBehavior<SampleCommand, string>([other.Object]);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            behavior.Handle(new SampleCommand("a\0b"), CancellationToken.None, () => Task.FromResult("handled")));

        Assert.Equal(["'name' must not contain the NUL character (U+0000).", "name is taken."], error.Errors["name"]);
    }
}
