using CleanBackend.Domain.Notifications;
using CleanBackend.Domain.Social;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    /// <summary>Same SQL on PostgreSQL and SQLite: the unread count only scans unread rows.</summary>
    public const string UnreadFilter = "\"ReadAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Type).HasMaxLength(20);
        builder.Property(n => n.DeduplicationKey).HasMaxLength(Notification.DeduplicationKeyMaxLength);
        builder.HasIndex(n => n.DeduplicationKey).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.Id });
        builder.HasIndex(n => n.RecipientId).HasDatabaseName("IX_Notifications_Unread").HasFilter(UnreadFilter);
        builder.HasIndex(n => n.PostId);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.Cascade);
        // A notification about a deleted post or comment would lead nowhere: it goes with them.
        builder.HasOne<Post>().WithMany().HasForeignKey(n => n.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(n => n.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
