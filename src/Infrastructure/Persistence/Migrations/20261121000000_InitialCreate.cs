using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanBackend.Infrastructure.Persistence.Migrations;

/// <summary>Accounts, sessions and the outbox. Hand-written (no EF Design package here); provider-agnostic.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121000000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                UserName = table.Column<string>(maxLength: 30, nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                DisplayName = table.Column<string>(maxLength: 50, nullable: false),
                Bio = table.Column<string>(maxLength: 500, nullable: true),
                Role = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        migrationBuilder.CreateIndex("IX_Users_UserName", "Users", "UserName", unique: true);
        migrationBuilder.CreateIndex("IX_Users_NormalizedEmail", "Users", "NormalizedEmail", unique: true);

        migrationBuilder.CreateTable(
            name: "UserSessions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                UserId = table.Column<long>(nullable: false),
                RefreshTokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                LastSeenAt = table.Column<DateTimeOffset>(nullable: false),
                ExpiresAt = table.Column<DateTimeOffset>(nullable: false),
                RevokedAt = table.Column<DateTimeOffset>(nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
                Ip = table.Column<string>(maxLength: 45, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserSessions", x => x.Id);
                table.ForeignKey("FK_UserSessions_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserSessions_RefreshTokenHash", "UserSessions", "RefreshTokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_UserSessions_UserId", "UserSessions", "UserId");

        migrationBuilder.CreateTable(
            name: "RetiredRefreshTokens",
            columns: table => new
            {
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                SessionId = table.Column<long>(nullable: false),
                RetiredAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RetiredRefreshTokens", x => x.TokenHash);
                table.ForeignKey("FK_RetiredRefreshTokens_UserSessions_SessionId", x => x.SessionId, "UserSessions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RetiredRefreshTokens_SessionId", "RetiredRefreshTokens", "SessionId");

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                AggregateId = table.Column<long>(nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                Payload = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                DispatchedAt = table.Column<DateTimeOffset>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migrationBuilder.CreateIndex("IX_OutboxMessages_Undispatched", "OutboxMessages", "Id",
            filter: Configurations.OutboxMessageConfiguration.UndispatchedFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("RetiredRefreshTokens");
        migrationBuilder.DropTable("UserSessions");
        migrationBuilder.DropTable("Users");
    }
}
