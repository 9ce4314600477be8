using CleanBackend.Domain.Broadcasts;
using CleanBackend.Domain.Media;
using CleanBackend.Domain.Social;
using CleanBackend.Domain.Notifications;
using CleanBackend.Domain.Rooms;
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
    DbSet<Post> Posts { get; }
    DbSet<PostLike> PostLikes { get; }
    DbSet<Comment> Comments { get; }
    DbSet<Follow> Follows { get; }
    DbSet<FeedEntry> FeedEntries { get; }

    /// <summary>
    /// Inserts <paramref name="entity"/> right away unless a row with the same primary key or unique index
    /// exists (INSERT ... ON CONFLICT DO NOTHING), so two concurrent requests cannot both create it nor fail.
    /// When inserted, the entity is tracked as unchanged, so the domain events it raised are saved with the
    /// unit of work; otherwise it stays detached and its events are dropped. Returns whether it was inserted.
    /// </summary>
    Task<bool> AddIfAbsentAsync<TEntity>(TEntity entity, CancellationToken cancellationToken) where TEntity : class;
    DbSet<Notification> Notifications { get; }
    DbSet<Room> Rooms { get; }
    DbSet<RoomMember> RoomMembers { get; }
    DbSet<RoomMessage> RoomMessages { get; }
    DbSet<Broadcast> Broadcasts { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
