using CleanBackend.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Media;

/// <summary>Deletes uploads that no post uses and that are older than <see cref="UnusedLifetime"/>, rows and files; returns how many.</summary>
/// <remarks>
/// Deliberately not an ICommand: each batch commits on its own, so a large backlog is not one long transaction and
/// files are only deleted once their rows are gone for good. A crash between the two leaves an orphan file, never a
/// row without its file.
/// </remarks>
public sealed record DeleteUnusedMediaCommand(int BatchSize = DeleteUnusedMediaCommand.DefaultBatchSize) : IRequest<int>
{
    public const int DefaultBatchSize = 500;
    public static readonly TimeSpan UnusedLifetime = TimeSpan.FromDays(1);
}

public sealed class DeleteUnusedMediaValidator : AbstractValidator<DeleteUnusedMediaCommand>
{
    public DeleteUnusedMediaValidator() => RuleFor(x => x.BatchSize).InclusiveBetween(1, 10_000);
}

public sealed class DeleteUnusedMediaHandler(IAppDbContext db, IMediaStorage storage, IIdGenerator ids, IClock clock)
    : IRequestHandler<DeleteUnusedMediaCommand, int>
{
    public async Task<int> Handle(DeleteUnusedMediaCommand request, CancellationToken cancellationToken)
    {
        // Ids are time-ordered: comparing them works on every provider, where comparing DateTimeOffsets does not.
        var olderThan = ids.MinIdAt(clock.UtcNow - DeleteUnusedMediaCommand.UnusedLifetime);
        var deleted = 0;
        while (true)
        {
            var batch = await db.MediaFiles.AsNoTracking()
                .Where(m => m.PostId == null && m.Id < olderThan)
                .OrderBy(m => m.Id)
                .Take(request.BatchSize)
                .Select(m => new { m.Id, m.StorageKey })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) return deleted;

            var batchIds = batch.Select(m => m.Id).ToList();
            await db.MediaFiles.Where(m => batchIds.Contains(m.Id) && m.PostId == null).ExecuteDeleteAsync(cancellationToken);

            // A post may have claimed some of them since the select: the delete skipped those, and they keep their files.
            var claimed = await db.MediaFiles.Where(m => batchIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
            foreach (var gone in batch.Where(m => !claimed.Contains(m.Id)))
            {
                await storage.DeleteAsync(gone.StorageKey, cancellationToken);
                deleted++;
            }

            if (batch.Count < request.BatchSize) return deleted;
        }
    }
}
