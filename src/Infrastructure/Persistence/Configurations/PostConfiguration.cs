using CleanBackend.Domain.Social;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    /// <summary>Same SQL on PostgreSQL and SQLite (a boolean column is a predicate on both).</summary>
    public const string DeliveredAtReadFilter = "\"DeliveredAtRead\"";

    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable("Posts");
        builder.Property(p => p.Id).ValueGeneratedNever();
        // No column length: a length counts characters as a person sees them, which SQL cannot (VisibleText, ADR 0017).
        // Profile timelines and backfills: one author's posts, newest first.
        builder.HasIndex(p => new { p.AuthorId, p.Id });
        // Read-time merge: only the few posts of authors over the fan-out limit, so a feed read that checks
        // all followees stays cheap however many posts they wrote.
        builder.HasIndex(p => new { p.AuthorId, p.Id }, "IX_Posts_DeliveredAtRead").HasFilter(DeliveredAtReadFilter);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
