using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CleanBackend.TestSupport;

/// <summary>
/// The whole app on a real Kestrel port on loopback, against its own PostgreSQL database
/// (or SQLite with <see cref="UseSqlite"/>). One instance per test class (IClassFixture).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestSigningKey = "test-signing-key-that-is-at-least-32-bytes-long";

    /// <summary>The admin every test server seeds at startup (Admin:* settings); sign in with <see cref="TestUser.AdminAsync"/>.</summary>
    public const string AdminUserName = "admin";
    public const string AdminPassword = "admin-password-for-tests";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cleanbackend-test-").FullName;

    public PostgresDatabase? Database { get; private set; }

    /// <summary>The server's Storage:DataFolder (SQLite database, jobs store, media), deleted with the factory.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>Settings layered over appsettings.json; subclasses add to it before the server starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = new()
    {
        ["Auth:SigningKey"] = TestSigningKey,
        ["RateLimiting:AuthPermitsPerMinute"] = "100000",
        ["Admin:UserName"] = AdminUserName,
        ["Admin:Password"] = AdminPassword,
        // Nothing routes around a test server: stopping it need not wait for a load balancer.
        ["Shutdown:DrainDelay"] = "00:00:00",
    };

    protected virtual bool UseSqlite => false;

    public Uri ServerAddress { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Settings["Storage:DataFolder"] = _dataFolder;
        if (UseSqlite)
        {
            Settings["Database:Provider"] = "Sqlite";
        }
        else
        {
            Database = await PostgresDatabase.CreateAsync();
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:Database"] = Database.ConnectionString;
        }

        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>A plain HttpClient talking to the real socket.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = ServerAddress };

    async Task IAsyncLifetime.DisposeAsync()
    {
        HangfireLogging.Detach();
        await base.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
