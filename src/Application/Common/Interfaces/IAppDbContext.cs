using CleanBackend.Domain.Media;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Application.Common.Interfaces;

/// <summary>The application's view of the database. Saving also writes the recorded domain events to the outbox.</summary>
public interface IAppDbContext
{
    DbSet<User> Users { get; }
    DbSet<UserSession> UserSessions { get; }
    DbSet<RetiredRefreshToken> RetiredRefreshTokens { get; }
    DbSet<MediaFile> MediaFiles { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
