using CleanBackend.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanBackend.Infrastructure.Persistence.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>Same SQL on PostgreSQL and SQLite: the sweeper only ever scans the undispatched rows.</summary>
    public const string UndispatchedFilter = "\"DispatchedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => m.Id).HasDatabaseName("IX_OutboxMessages_Undispatched").HasFilter(UndispatchedFilter);
    }
}
