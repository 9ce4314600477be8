using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanBackend.Infrastructure.Persistence.Migrations;

[DbContext(typeof(AppDbContext))]
[Migration("20261121010000_Media")]
public sealed class Media : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MediaFiles",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                OwnerId = table.Column<long>(nullable: false),
                ContentType = table.Column<string>(maxLength: 50, nullable: false),
                SizeBytes = table.Column<int>(nullable: false),
                Width = table.Column<int>(nullable: true),
                Height = table.Column<int>(nullable: true),
                StorageKey = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                PostId = table.Column<long>(nullable: true),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MediaFiles", x => x.Id);
                table.ForeignKey("FK_MediaFiles_Users_OwnerId", x => x.OwnerId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MediaFiles_OwnerId", "MediaFiles", "OwnerId");
        migrationBuilder.CreateIndex("IX_MediaFiles_PostId", "MediaFiles", "PostId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("MediaFiles");
}
