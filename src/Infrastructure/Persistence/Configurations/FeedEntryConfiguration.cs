using CleanBackend.Domain.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

/// <summary>
/// Feed reads are <c>WHERE "UserId" = @u AND "PostId" &lt; @cursor ORDER BY "PostId" DESC</c>: the primary key.
/// No foreign keys on purpose: the rows are derived data written in bulk by the fan-out (every FK would cost a
/// lookup per inserted row), and reads join Posts, so a row whose post is gone never shows.
/// </summary>
public sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> builder)
    {
        builder.ToTable("FeedEntries");
        builder.HasKey(e => new { e.UserId, e.PostId });
        // Removing a deleted post from every feed.
        builder.HasIndex(e => e.PostId);
    }
}
