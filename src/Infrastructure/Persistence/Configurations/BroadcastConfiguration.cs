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
        // No column length: a length counts characters as a person sees them, which SQL cannot (VisibleText, ADR 0017).
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.SenderId).OnDelete(DeleteBehavior.Cascade);
    }
}
