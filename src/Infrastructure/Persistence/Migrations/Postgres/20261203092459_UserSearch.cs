using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanBackend.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "UserName",
                table: "Users",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedDisplayName",
                table: "Users",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "",
                collation: "C");

            // Existing users get their search name here; new and renamed users get it from User.
            migrationBuilder.Sql("UPDATE \"Users\" SET \"NormalizedDisplayName\" = lower(\"DisplayName\");");

            migrationBuilder.CreateIndex(
                name: "IX_Users_NormalizedDisplayName_Id",
                table: "Users",
                columns: new[] { "NormalizedDisplayName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Users_NormalizedDisplayName_Id",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "NormalizedDisplayName",
                table: "Users");

            migrationBuilder.AlterColumn<string>(
                name: "UserName",
                table: "Users",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30,
                oldCollation: "C");
        }
    }
}
