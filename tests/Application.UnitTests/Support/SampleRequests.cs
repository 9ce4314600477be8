using CleanBackend.Application.Common.Messaging;
using CleanBackend.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace CleanBackend.Application.UnitTests.Support;

/// <summary>Requests that exist only to drive the pipeline behaviors in tests.</summary>
public sealed record SampleCommand(string Name) : ICommand<string>;

public sealed record SampleQuery(string Name) : IQuery<string>;

[Authorize]
public sealed record SignedInCommand : ICommand<string>;

[Authorize(Roles = "admin")]
public sealed record AdminCommand(string Name) : ICommand<string>;

[Authorize(Roles = "admin, moderator")]
public sealed record AdminOrModeratorCommand : ICommand<string>;

/// <summary>Both attributes must hold: one of their roles each.</summary>
[Authorize(Roles = "admin")]
[Authorize(Roles = "auditor")]
public sealed record AdminAndAuditorCommand : ICommand<string>;

public sealed class SampleCommandHandler : IRequestHandler<SampleCommand, string>
{
    public Task<string> Handle(SampleCommand request, CancellationToken cancellationToken) => Task.FromResult("handled " + request.Name);
}

public sealed class SampleQueryHandler : IRequestHandler<SampleQuery, string>
{
    public Task<string> Handle(SampleQuery request, CancellationToken cancellationToken) => Task.FromResult("read " + request.Name);
}

public sealed class AdminCommandHandler : IRequestHandler<AdminCommand, string>
{
    public Task<string> Handle(AdminCommand request, CancellationToken cancellationToken) => Task.FromResult("admin");
}

public sealed class SampleCommandValidator : AbstractValidator<SampleCommand>
{
    public SampleCommandValidator() => RuleFor(x => x.Name).NotEmpty();
}

public sealed class AdminCommandValidator : AbstractValidator<AdminCommand>
{
    public AdminCommandValidator() => RuleFor(x => x.Name).NotEmpty();
}
