using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Domain.Common;
using CleanBackend.Domain.Broadcasts;
using CleanBackend.Domain.Media;
using CleanBackend.Domain.Social;
using CleanBackend.Domain.Notifications;
using CleanBackend.Domain.Rooms;
using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.Persistence.Configurations;
using CleanBackend.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanBackend.Infrastructure.Persistence;

/// <summary>
/// The model and behaviour shared by both databases. Each provider has its own derived context
/// (<see cref="PostgresAppDbContext"/>, <see cref="SqliteAppDbContext"/>) so that each has its own migrations and
/// model snapshot (docs/decisions/0001-one-migration-set-per-provider.md); the app resolves this base type.
/// Pooled (see AddPersistence): a context serves one request scope at a time and is reset and reused after it,
/// so its constructor takes the options only, and what domain events need comes from the scope that leased it
/// (<see cref="UseScope"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IAppDbContext
{
    // Handlers of raised events may add entities that raise events again; more rounds than this is a loop.
    private const int MaxEventRounds = 8;

    private readonly List<OutboxEntry> _unpublished = [];
    private IServiceProvider? _scope;

    public DbSet<User> Users => Set<User>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<RetiredRefreshToken> RetiredRefreshTokens => Set<RetiredRefreshToken>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostLike> PostLikes => Set<PostLike>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<FeedEntry> FeedEntries => Set<FeedEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<RoomMember> RoomMembers => Set<RoomMember>();
    public DbSet<RoomMessage> RoomMessages => Set<RoomMessage>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Raised events go to the outbox on save, never to a column of the entity that raised them.
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)).ToList())
            modelBuilder.Entity(entityType.ClrType).Ignore(nameof(Entity.DomainEvents));
    }

    /// <summary>Saves the changes together with the outbox rows of the domain events they raised.</summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        await MoveDomainEventsToOutboxAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex.InnerException))
        {
            throw new ConflictException("That already exists.");
        }
        catch (DbUpdateException ex) when (DbErrors.IsForeignKeyViolation(ex.InnerException))
        {
            // What a new row points at was deleted since the handler looked it up (e.g. a comment on a post deleted
            // meanwhile): the answer the handler gives when it is already gone.
            throw DbErrors.ReferentGone();
        }
        catch (DbUpdateConcurrencyException)
        {
            // An update or delete found its row gone: another request deleted it in the meantime.
            throw new ConflictException("It was changed or deleted in the meantime; reload it and try again.");
        }
    }

    public Task<bool> AddIfAbsentAsync<TEntity>(TEntity entity, CancellationToken cancellationToken) where TEntity : class =>
        InsertIfAbsent.ExecuteAsync(this, entity, cancellationToken);

    /// <summary>
    /// Binds this context to the service scope that uses it: domain event handlers, the id generator and the clock
    /// are resolved from there. Called when the scope leases the context from the pool.
    /// </summary>
    public AppDbContext UseScope(IServiceProvider scope)
    {
        _scope = scope;
        _unpublished.Clear();
        return this;
    }

    /// <summary>The outbox rows saved since the last call, with their events: published by the unit of work once the transaction commits.</summary>
    public IReadOnlyList<OutboxEntry> TakeUnpublishedOutbox()
    {
        var taken = _unpublished.ToList();
        _unpublished.Clear();
        return taken;
    }

    private async Task MoveDomainEventsToOutboxAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var raisers = ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
            if (raisers.Count == 0) return;
            if (round == MaxEventRounds) throw new InvalidOperationException("Domain event handlers keep raising events.");

            var events = raisers.SelectMany(e => e.DomainEvents).ToList();
            raisers.ForEach(e => e.ClearDomainEvents());
            var scope = _scope ?? throw new InvalidOperationException($"{nameof(AppDbContext)} saved domain events without a service scope ({nameof(UseScope)}).");
            var publisher = scope.GetRequiredService<DomainEventPublisher>();
            var ids = scope.GetRequiredService<IIdGenerator>();
            var clock = scope.GetRequiredService<IClock>();
            foreach (var domainEvent in events)
            {
                var message = new OutboxMessage
                {
                    Id = ids.NextId(),
                    AggregateId = domainEvent.AggregateId,
                    Type = DomainEventTypes.NameOf(domainEvent),
                    Payload = DomainEventTypes.Serialize(domainEvent),
                    CreatedAt = clock.UtcNow,
                };
                OutboxMessages.Add(message);
                _unpublished.Add(new OutboxEntry(message, domainEvent));
                await publisher.PublishRaisedAsync(domainEvent, cancellationToken);
            }
        }
    }
}
