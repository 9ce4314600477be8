using MediatR;

namespace CleanBackend.Application.Common.Messaging;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
