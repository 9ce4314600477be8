using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.UnitTests.Support;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using ValidationException = CleanBackend.Application.Common.Exceptions.ValidationException;

namespace CleanBackend.Application.UnitTests.Common.Behaviors;

/// <summary>The pipeline as AddApplication() wires it, driven through the real MediatR mediator.</summary>
public sealed class PipelineOrderTests : IDisposable
{
    private readonly Mock<ICurrentUser> _caller = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new(MockBehavior.Strict);
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public PipelineOrderTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddMediatorHandlersFrom(typeof(PipelineOrderTests).Assembly);
        services.AddValidatorsFromAssembly(typeof(PipelineOrderTests).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton(_caller.Object);
        services.AddSingleton(_unitOfWork.Object);
        _services = services.BuildServiceProvider(validateScopes: true);
        _scope = _services.CreateScope();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    private IMediator Mediator => _scope.ServiceProvider.GetRequiredService<IMediator>();

    private void UnitOfWorkRunsTheWork() =>
        _unitOfWork.Setup(u => u.ExecuteAsync(It.IsAny<Func<Task<string>>>(), It.IsAny<CancellationToken>()))
            .Returns((Func<Task<string>> work, CancellationToken _) => work());

    [Fact]
    public void Behaviors_are_exception_log_authorization_validation_performance_unit_of_work_outermost_first()
    {
        var behaviors = _scope.ServiceProvider.GetServices<IPipelineBehavior<SampleCommand, string>>().Select(b => b.GetType());

        Assert.Equal(
        [
            typeof(UnhandledExceptionBehavior<SampleCommand, string>),
            typeof(AuthorizationBehavior<SampleCommand, string>),
            typeof(ValidationBehavior<SampleCommand, string>),
            typeof(PerformanceBehavior<SampleCommand, string>),
            typeof(UnitOfWorkBehavior<SampleCommand, string>),
        ], behaviors);
    }

    [Fact]
    public async Task Authorization_runs_before_validation()
    {
        await Assert.ThrowsAsync<UnauthorizedException>(() => Mediator.Send(new AdminCommand("")));
    }

    [Fact]
    public async Task Invalid_command_never_opens_a_unit_of_work()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => Mediator.Send(new SampleCommand("")));

        Assert.Equal(["name"], error.Errors.Keys);
        _unitOfWork.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Valid_command_reaches_its_handler_through_the_unit_of_work()
    {
        UnitOfWorkRunsTheWork();

        Assert.Equal("handled x", await Mediator.Send(new SampleCommand("x")));
        _unitOfWork.Verify(u => u.ExecuteAsync(It.IsAny<Func<Task<string>>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Admin_command_reaches_its_handler_for_an_admin()
    {
        UnitOfWorkRunsTheWork();
        _caller.Setup(c => c.UserId).Returns(1);
        _caller.Setup(c => c.IsInRole("admin")).Returns(true);

        Assert.Equal("admin", await Mediator.Send(new AdminCommand("x")));
    }

    [Fact]
    public async Task Query_reaches_its_handler_without_a_unit_of_work()
    {
        Assert.Equal("read x", await Mediator.Send(new SampleQuery("x")));
        _unitOfWork.VerifyNoOtherCalls();
    }
}
