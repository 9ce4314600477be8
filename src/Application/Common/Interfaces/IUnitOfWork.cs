namespace CleanBackend.Application.Common.Interfaces;

/// <summary>
/// Runs a command in one database transaction: the work, SaveChanges (changes + outbox rows), commit,
/// and after the commit the publication of the committed domain events.
/// </summary>
public interface IUnitOfWork
{
    Task<T> ExecuteAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);
}
