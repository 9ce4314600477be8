using CleanBackend.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanBackend.Infrastructure.Persistence.Migrations;

/// <summary>Notifications, rooms with their members and messages, and admin broadcasts.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121050000_Realtime")]
public sealed class Realtime : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                RecipientId = table.Column<long>(nullable: false),
                ActorId = table.Column<long>(nullable: false),
                Type = table.Column<string>(maxLength: 20, nullable: false),
                PostId = table.Column<long>(nullable: true),
                CommentId = table.Column<long>(nullable: true),
                DeduplicationKey = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                ReadAt = table.Column<DateTimeOffset>(nullable: true),
                PushedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_Users_RecipientId", x => x.RecipientId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Notifications_Users_ActorId", x => x.ActorId, "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Notifications_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Notifications_Comments_CommentId", x => x.CommentId, "Comments", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Notifications_DeduplicationKey", "Notifications", "DeduplicationKey", unique: true);
        migrationBuilder.CreateIndex("IX_Notifications_RecipientId_Id", "Notifications", ["RecipientId", "Id"]);
        migrationBuilder.CreateIndex("IX_Notifications_Unread", "Notifications", "RecipientId", filter: NotificationConfiguration.UnreadFilter);
        migrationBuilder.CreateIndex("IX_Notifications_PostId", "Notifications", "PostId");
        migrationBuilder.CreateIndex("IX_Notifications_ActorId", "Notifications", "ActorId");
        migrationBuilder.CreateIndex("IX_Notifications_CommentId", "Notifications", "CommentId");

        migrationBuilder.CreateTable(
            name: "Rooms",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                IsPrivate = table.Column<bool>(nullable: false),
                OwnerId = table.Column<long>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Rooms", x => x.Id);
                table.ForeignKey("FK_Rooms_Users_OwnerId", x => x.OwnerId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Rooms_OwnerId", "Rooms", "OwnerId");

        migrationBuilder.CreateTable(
            name: "RoomMembers",
            columns: table => new
            {
                RoomId = table.Column<long>(nullable: false),
                UserId = table.Column<long>(nullable: false),
                AddedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoomMembers", x => new { x.RoomId, x.UserId });
                table.ForeignKey("FK_RoomMembers_Rooms_RoomId", x => x.RoomId, "Rooms", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoomMembers_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RoomMembers_UserId", "RoomMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "RoomMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                RoomId = table.Column<long>(nullable: false),
                SenderId = table.Column<long>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoomMessages", x => x.Id);
                table.ForeignKey("FK_RoomMessages_Rooms_RoomId", x => x.RoomId, "Rooms", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoomMessages_Users_SenderId", x => x.SenderId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RoomMessages_RoomId_Id", "RoomMessages", ["RoomId", "Id"]);
        migrationBuilder.CreateIndex("IX_RoomMessages_SenderId", "RoomMessages", "SenderId");

        migrationBuilder.CreateTable(
            name: "Broadcasts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                SenderId = table.Column<long>(nullable: false),
                Message = table.Column<string>(maxLength: 1000, nullable: false),
                SentAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Broadcasts", x => x.Id);
                table.ForeignKey("FK_Broadcasts_Users_SenderId", x => x.SenderId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Broadcasts_SenderId", "Broadcasts", "SenderId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Broadcasts");
        migrationBuilder.DropTable("RoomMessages");
        migrationBuilder.DropTable("RoomMembers");
        migrationBuilder.DropTable("Rooms");
        migrationBuilder.DropTable("Notifications");
    }
}
