using CleanBackend.Application.Common.Behaviors;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.UnitTests.Support;
using Moq;

namespace CleanBackend.Application.UnitTests.Common.Behaviors;

public sealed class UnitOfWorkBehaviorTests
{
    private readonly Mock<IUnitOfWork> _unitOfWork = new(MockBehavior.Strict);
    private int _nextCalls;

    private Task<string> Next()
    {
        _nextCalls++;
        return Task.FromResult("handled");
    }

    [Fact]
    public async Task Command_runs_inside_the_unit_of_work()
    {
        var insideUnitOfWork = false;
        _unitOfWork.Setup(u => u.ExecuteAsync(It.IsAny<Func<Task<string>>>(), It.IsAny<CancellationToken>()))
            .Returns(async (Func<Task<string>> work, CancellationToken _) =>
            {
                insideUnitOfWork = true;
                var result = await work();
                insideUnitOfWork = false;
                return result + " and committed";
            });
        var sawUnitOfWork = false;
        using var cancellation = new CancellationTokenSource();

        var response = await new UnitOfWorkBehavior<SampleCommand, string>(_unitOfWork.Object)
            .Handle(new SampleCommand("x"), cancellation.Token, () =>
            {
                sawUnitOfWork = insideUnitOfWork;
                return Next();
            });

        Assert.Equal("handled and committed", response);
        Assert.True(sawUnitOfWork);
        Assert.Equal(1, _nextCalls);
        _unitOfWork.Verify(u => u.ExecuteAsync(It.IsAny<Func<Task<string>>>(), cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task Query_passes_straight_through_without_a_unit_of_work()
    {
        var response = await new UnitOfWorkBehavior<SampleQuery, string>(_unitOfWork.Object)
            .Handle(new SampleQuery("x"), CancellationToken.None, Next);

        Assert.Equal("handled", response);
        Assert.Equal(1, _nextCalls);
        _unitOfWork.VerifyNoOtherCalls();
    }
}
