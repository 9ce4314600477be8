using CleanBackend.Domain.Users;
using CleanBackend.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanBackend.Infrastructure.Persistence.Migrations;

/// <summary>User search by prefix: the lower-case display name, its index, and byte-order names on PostgreSQL.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203080000_UserSearch")]
public sealed class UserSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var collation = migrationBuilder.IsNpgsql() ? UserConfiguration.ByteOrderCollation : null;
        if (migrationBuilder.IsNpgsql())
            migrationBuilder.Sql($"""ALTER TABLE "Users" ALTER COLUMN "UserName" TYPE character varying({User.UserNameMaxLength}) COLLATE "{collation}";""");

        migrationBuilder.AddColumn<string>("NormalizedDisplayName", "Users", maxLength: User.DisplayNameMaxLength, nullable: false,
            defaultValue: "", collation: collation);
        // SQLite's lower() folds ASCII letters only; a name with others is folded fully at its next profile change.
        migrationBuilder.Sql("""UPDATE "Users" SET "NormalizedDisplayName" = lower("DisplayName");""");
        migrationBuilder.CreateIndex("IX_Users_NormalizedDisplayName_Id", "Users", ["NormalizedDisplayName", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Users_NormalizedDisplayName_Id", "Users");
        migrationBuilder.DropColumn("NormalizedDisplayName", "Users");
        if (migrationBuilder.IsNpgsql())
            migrationBuilder.Sql($"""ALTER TABLE "Users" ALTER COLUMN "UserName" TYPE character varying({User.UserNameMaxLength}) COLLATE "default";""");
    }
}
