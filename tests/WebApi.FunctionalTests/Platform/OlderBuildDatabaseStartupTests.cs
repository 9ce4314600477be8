using CleanBackend.TestSupport;
using Microsoft.Data.Sqlite;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// `dotnet run` on an embedded SQLite file that an older build made (its history names the hand-written migrations
/// that the baseline replaced): the real process, as a developer or operator meets it.
/// </summary>
public sealed class OlderBuildDatabaseStartupTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cleanbackend-older-build-").FullName;

    public OlderBuildDatabaseStartupTests()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "cleanbackend.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261121000000_InitialCreate', '10.0.14'), ('20261121050000_Realtime', '10.0.14');
            CREATE TABLE "Users" ("Id" INTEGER NOT NULL PRIMARY KEY, "UserName" TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    private Dictionary<string, string> Environment(string name) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = name,
        ["Storage__DataFolder"] = _dataFolder,
        ["Auth__SigningKey"] = ApiFactory.TestSigningKey,
    };

    [Fact]
    public async Task Outside_Development_the_node_stops_with_what_to_do_and_no_stack_trace()
    {
        await using var node = AppNodeProcess.Start(0, "api,jobs", Environment("Production"));

        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(1, exitCode);
        Assert.True(node.HasLogged("made by an older build") && node.HasLogged("Move or delete"), node.Output);
        Assert.DoesNotContain("Unhandled exception", node.Output);
        Assert.DoesNotContain("   at ", node.Output);
        Assert.True(File.Exists(Path.Combine(_dataFolder, "cleanbackend.db")));
    }

    [Fact]
    public async Task In_Development_the_node_sets_the_file_aside_and_starts_on_a_new_database()
    {
        await using var node = AppNodeProcess.Start(0, "api,jobs", Environment("Development"));

        await node.WaitUntilReadyAsync();

        Assert.True(node.HasLogged("made by an older build"), node.Output);
        Assert.Single(Directory.GetFiles(_dataFolder, "cleanbackend.db.older-build-*"));
        var user = await TestUser.CreateAsync(node.Address);
        Assert.True(user.Id > 0);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
