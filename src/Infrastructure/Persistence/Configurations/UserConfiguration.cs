using CleanBackend.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

/// <summary>
/// On PostgreSQL, UserName and NormalizedDisplayName compare byte by byte (collation "C", see
/// <see cref="AppDbContext"/>): the prefix ranges of user search then hold exactly the names that start with the
/// prefix and are read from the indexes in order, whatever the database's default collation. SQLite compares bytes
/// (BINARY) already.
/// </summary>
public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string ByteOrderCollation = "C";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(User.UserNameMaxLength);
        builder.Property(u => u.Email).HasMaxLength(User.EmailMaxLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(User.EmailMaxLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.DisplayName).HasMaxLength(User.DisplayNameMaxLength);
        // The default only serves the migration that added the column to tables with rows (SQLite needs one).
        builder.Property(u => u.NormalizedDisplayName).HasMaxLength(User.DisplayNameMaxLength).HasDefaultValue("");
        builder.Property(u => u.Bio).HasMaxLength(User.BioMaxLength);
        builder.Property(u => u.Role).HasMaxLength(20);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        // User search (SearchUsers) walks this index and UserName's from a prefix, in order.
        builder.HasIndex(u => new { u.NormalizedDisplayName, u.Id });
    }
}
