using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class RetiredRefreshTokenConfiguration : IEntityTypeConfiguration<RetiredRefreshToken>
{
    public void Configure(EntityTypeBuilder<RetiredRefreshToken> builder)
    {
        builder.ToTable("RetiredRefreshTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.SessionId);
        builder.HasOne<UserSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
