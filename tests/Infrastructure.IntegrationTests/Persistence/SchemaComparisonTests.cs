using CleanBackend.Infrastructure.Persistence;
using CleanBackend.SchemaComparison;
using Microsoft.EntityFrameworkCore;

namespace CleanBackend.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The schema reader and comparer behind MigrationSchemaTests: proof that they see real structure and report drift,
/// so an empty difference there means "equal" and not "nothing was read".
/// </summary>
public sealed class SchemaComparisonTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Reader_sees_columns_keys_foreign_keys_and_filtered_indexes(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);

        var schema = await database.BuildAndReadSchemaAsync(db => db.Database.EnsureCreatedAsync());

        var users = schema.Find("Users")!;
        var userName = users.Columns.Single(c => c.Name == "UserName");
        Assert.False(userName.IsNullable);
        Assert.True(users.Columns.Single(c => c.Name == "Bio").IsNullable);
        Assert.Equal(["Id"], users.PrimaryKey!.Columns);
        Assert.Equal("PK_Users", users.PrimaryKey.Name);
        var uniqueName = users.Indexes.Single(i => i.Name == "IX_Users_UserName");
        Assert.True(uniqueName.IsUnique);
        Assert.Equal(["UserName"], uniqueName.Columns);

        var toUsers = schema.Find("UserSessions")!.ForeignKeys.Single();
        Assert.Equal(["UserId"], toUsers.Columns);
        Assert.Equal("Users", toUsers.PrincipalTable);
        Assert.Equal(["Id"], toUsers.PrincipalColumns);
        Assert.Equal("CASCADE", toUsers.OnDelete);

        var undispatched = schema.Find("OutboxMessages")!.Indexes.Single(i => i.Name == "IX_OutboxMessages_Undispatched");
        Assert.False(undispatched.IsUnique);
        Assert.Contains("\"DispatchedAt\" IS NULL", undispatched.Filter);

        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(30, userName.MaxLength);
            Assert.Equal("character varying(30)", userName.Type);
            Assert.Equal("FK_UserSessions_Users_UserId", toUsers.Name);
            Assert.Equal("bigint", users.Columns.Single(c => c.Name == "Id").Type);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Drift_between_model_and_database_is_reported_item_by_item(DatabaseProvider provider)
    {
        await using var modelDatabase = await ScratchDatabase.CreateAsync(provider);
        await using var driftedDatabase = await ScratchDatabase.CreateAsync(provider);
        var model = await modelDatabase.BuildAndReadSchemaAsync(db => db.Database.EnsureCreatedAsync());

        var drifted = await driftedDatabase.BuildAndReadSchemaAsync(async db =>
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("""
                DROP TABLE "MediaFiles";
                DROP INDEX "IX_Users_UserName";
                CREATE INDEX "IX_Users_Email" ON "Users" ("Email");
                ALTER TABLE "Users" ADD COLUMN "Nickname" TEXT NULL;
                CREATE TABLE "Leftovers" ("Id" BIGINT NOT NULL PRIMARY KEY);
                """);
            if (provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    ALTER TABLE "Users" ALTER COLUMN "DisplayName" DROP NOT NULL;
                    ALTER TABLE "UserSessions" DROP CONSTRAINT "FK_UserSessions_Users_UserId";
                    ALTER TABLE "UserSessions" ADD CONSTRAINT "FK_UserSessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT;
                    """);
            }
        });

        var differences = SchemaComparer.Compare(model, drifted);

        var found = differences.Select(d => $"{d.Kind} {d.Item} {d.Table}: {d.Name}").Order().ToList();
        List<string> expected =
        [
            "Extra column Users: Nickname",
            "Extra index Users: IX_Users_Email",
            "Extra table Leftovers: Leftovers",
            "Missing index Users: IX_Users_UserName",
            "Missing table MediaFiles: MediaFiles",
        ];
        if (provider == DatabaseProvider.Postgres)
        {
            expected.Add("Changed column Users: DisplayName");
            expected.Add("Changed foreign key UserSessions: (UserId) -> Users");
        }
        Assert.Equal(expected.Order(), found);
        string[] affected = provider == DatabaseProvider.Postgres
            ? ["Leftovers", "MediaFiles", "UserSessions", "Users"]
            : ["Leftovers", "MediaFiles", "Users"];
        Assert.Equal(affected, SchemaComparer.AffectedTables(differences));

        var report = SchemaComparer.Format(differences, "the model", "the database");
        Assert.Contains("missing index \"IX_Users_UserName\": UNIQUE (UserName)", report);
        Assert.Contains("extra column \"Nickname\"", report);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Create_script_statements_of_a_table_are_its_create_table_and_its_indexes(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var services = new AppServices(database);
        var script = await services.WithDbAsync(db => Task.FromResult(db.Database.GenerateCreateScript()));

        var statements = CreateScriptStatements.For(script, ["UserSessions"]);

        Assert.Equal(3, statements.Count);
        Assert.StartsWith("CREATE TABLE \"UserSessions\" (", statements[0]);
        Assert.Contains("REFERENCES \"Users\" (\"Id\") ON DELETE CASCADE", statements[0]);
        Assert.All(statements.Skip(1), s => Assert.Matches("^CREATE (UNIQUE )?INDEX \"IX_UserSessions_\\w+\" ON \"UserSessions\"", s));
    }
}
