using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Media;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.TestSupport;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.WebApi.FunctionalTests.Media;

/// <summary>Ages uploads and runs the cleanup the way the recurring job does: through IMediator, in its own scope.</summary>
public static class OldUploads
{
    /// <summary>
    /// Snowflake ids carry their creation time, so giving a row an id from <paramref name="age"/> ago makes it that old
    /// (on either provider). <paramref name="sequence"/> keeps several aged rows apart. Returns the new id.
    /// </summary>
    public static async Task<long> MakeOldAsync(ApiFactory api, long mediaId, TimeSpan age, int sequence = 0)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var oldId = scope.ServiceProvider.GetRequiredService<IIdGenerator>().MinIdAt(DateTimeOffset.UtcNow - age) + sequence;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database
            .ExecuteSqlAsync($"UPDATE \"MediaFiles\" SET \"Id\" = {oldId} WHERE \"Id\" = {mediaId}");
        return oldId;
    }

    public static async Task<int> RunCleanupAsync(ApiFactory api, DeleteUnusedMediaCommand command)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }
}
