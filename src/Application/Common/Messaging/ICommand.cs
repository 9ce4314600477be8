using MediatR;

namespace CleanBackend.Application.Common.Messaging;

/// <summary>A request that changes state: it runs inside one transaction (see UnitOfWorkBehavior).</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ICommandMarker;

public interface ICommand : ICommand<Unit>;

/// <summary>Lets behaviors recognise commands without knowing their result type.</summary>
public interface ICommandMarker;
