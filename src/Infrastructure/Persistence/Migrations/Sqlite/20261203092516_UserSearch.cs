using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanBackend.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedDisplayName",
                table: "Users",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Existing users get their search name here; SQLite's lower() folds ASCII letters only, so a name
            // with others is folded fully at its next profile change.
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
        }
    }
}
