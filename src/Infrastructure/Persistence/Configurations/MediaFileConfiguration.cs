using CleanBackend.Domain.Media;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.StorageKey).HasMaxLength(200);
        // Attaching saves only while the row is still unused (UPDATE ... WHERE "PostId" IS NULL): of concurrent posts
        // naming one upload, one gets it and the others fail, instead of all being published and all but one losing it.
        builder.Property(m => m.PostId).IsConcurrencyToken();
        builder.HasIndex(m => m.PostId);
        builder.HasIndex(m => m.OwnerId);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
