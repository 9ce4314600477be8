using CleanBackend.Domain.Social;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("Follows");
        builder.Property(f => f.Id).ValueGeneratedNever();
        // One follow per pair (what makes PUT idempotent under concurrency); also "whom does X follow".
        builder.HasIndex(f => new { f.FollowerId, f.FolloweeId }).IsUnique();
        // "Who follows X", in follow order: the followers list and the fan-out's batches.
        builder.HasIndex(f => new { f.FolloweeId, f.Id });
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Cascade);
    }
}
