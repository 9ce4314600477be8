using CleanBackend.Domain.Broadcasts;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.ToTable("Broadcasts");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Message).HasMaxLength(Broadcast.MessageMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.SenderId).OnDelete(DeleteBehavior.Cascade);
    }
}
