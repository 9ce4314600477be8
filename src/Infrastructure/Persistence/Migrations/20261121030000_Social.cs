using CleanBackend.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanBackend.Infrastructure.Persistence.Migrations;

/// <summary>Posts, likes, comments, follows and the materialized home feeds.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121030000_Social")]
public sealed class Social : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Posts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                AuthorId = table.Column<long>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                EditedAt = table.Column<DateTimeOffset>(nullable: true),
                LikeCount = table.Column<int>(nullable: false),
                CommentCount = table.Column<int>(nullable: false),
                DeliveredAtRead = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Posts", x => x.Id);
                table.ForeignKey("FK_Posts_Users_AuthorId", x => x.AuthorId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Posts_AuthorId_Id", "Posts", ["AuthorId", "Id"]);
        migrationBuilder.CreateIndex("IX_Posts_DeliveredAtRead", "Posts", ["AuthorId", "Id"], filter: PostConfiguration.DeliveredAtReadFilter);

        migrationBuilder.CreateTable(
            name: "PostLikes",
            columns: table => new
            {
                PostId = table.Column<long>(nullable: false),
                UserId = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PostLikes", x => new { x.PostId, x.UserId });
                table.ForeignKey("FK_PostLikes_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PostLikes_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PostLikes_UserId", "PostLikes", "UserId");

        migrationBuilder.CreateTable(
            name: "Comments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                PostId = table.Column<long>(nullable: false),
                AuthorId = table.Column<long>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Comments", x => x.Id);
                table.ForeignKey("FK_Comments_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Comments_Users_AuthorId", x => x.AuthorId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Comments_PostId_Id", "Comments", ["PostId", "Id"]);
        migrationBuilder.CreateIndex("IX_Comments_AuthorId", "Comments", "AuthorId");

        migrationBuilder.CreateTable(
            name: "Follows",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                FollowerId = table.Column<long>(nullable: false),
                FolloweeId = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Follows", x => x.Id);
                table.ForeignKey("FK_Follows_Users_FolloweeId", x => x.FolloweeId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Follows_Users_FollowerId", x => x.FollowerId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Follows_FollowerId_FolloweeId", "Follows", ["FollowerId", "FolloweeId"], unique: true);
        migrationBuilder.CreateIndex("IX_Follows_FolloweeId_Id", "Follows", ["FolloweeId", "Id"]);

        migrationBuilder.CreateTable(
            name: "FeedEntries",
            columns: table => new
            {
                UserId = table.Column<long>(nullable: false),
                PostId = table.Column<long>(nullable: false),
                AuthorId = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FeedEntries", x => new { x.UserId, x.PostId }));
        migrationBuilder.CreateIndex("IX_FeedEntries_PostId", "FeedEntries", "PostId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("FeedEntries");
        migrationBuilder.DropTable("Follows");
        migrationBuilder.DropTable("Comments");
        migrationBuilder.DropTable("PostLikes");
        migrationBuilder.DropTable("Posts");
    }
}
