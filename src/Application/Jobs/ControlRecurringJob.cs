using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Users;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.Jobs;

public enum RecurringJobAction
{
    /// <summary>Run the job now, outside its schedule (also while it is paused).</summary>
    Trigger,

    /// <summary>Stop the schedule until resumed; a run in progress finishes. Pausing twice is harmless.</summary>
    Pause,

    /// <summary>Resume a paused schedule. Resuming a job that is not paused is harmless.</summary>
    Resume,
}

/// <summary>
/// What an admin does to a recurring job from the dashboard. Not an ICommand: it changes the job scheduler's
/// store, which commits on its own, and nothing in the application's database.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ControlRecurringJobCommand(string Name, RecurringJobAction Action) : IRequest;

public sealed class ControlRecurringJobValidator : AbstractValidator<ControlRecurringJobCommand>
{
    public ControlRecurringJobValidator()
    {
        RuleFor(x => x.Name).ValidRecurringJobName();
        RuleFor(x => x.Action).IsInEnum();
    }
}

public sealed class ControlRecurringJobHandler(IJobsDashboard dashboard, ICurrentUser caller) : IRequestHandler<ControlRecurringJobCommand, Unit>
{
    public async Task<Unit> Handle(ControlRecurringJobCommand request, CancellationToken cancellationToken)
    {
        var found = request.Action switch
        {
            RecurringJobAction.Trigger => await dashboard.TriggerRecurringJobAsync(request.Name, cancellationToken),
            // The scheduler keeps who paused a trigger beside the pause: an operator finding it paused can ask them why.
            RecurringJobAction.Pause => await dashboard.PauseRecurringJobAsync(request.Name, PausedBy(), cancellationToken),
            RecurringJobAction.Resume => await dashboard.ResumeRecurringJobAsync(request.Name, cancellationToken),
            var other => throw new ArgumentOutOfRangeException(nameof(request), other, "Unknown recurring job action."),
        };
        if (!found) throw new NotFoundException($"There is no recurring job '{request.Name}'.");
        return Unit.Value;
    }

    private string PausedBy() => caller.UserName ?? caller.RequiredUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
