using CleanBackend.Domain.Rooms;
using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class RoomMessageConfiguration : IEntityTypeConfiguration<RoomMessage>
{
    public void Configure(EntityTypeBuilder<RoomMessage> builder)
    {
        builder.ToTable("RoomMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        // No column length: a length counts characters as a person sees them, which SQL cannot (VisibleText, ADR 0017).
        builder.HasIndex(m => new { m.RoomId, m.Id });
        builder.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Cascade);
    }
}
