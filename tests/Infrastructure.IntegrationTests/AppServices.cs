using CleanBackend.Application;
using CleanBackend.Infrastructure.Persistence;
using CleanBackend.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CleanBackend.Infrastructure.IntegrationTests;

/// <summary>
/// The application's services the way Program.cs registers them (AddApplication + AddInfrastructure over
/// configuration), without the web host: for tests that drive persistence directly.
/// </summary>
public sealed class AppServices : IAsyncDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cleanbackend-infra-").FullName;

    public AppServices(ScratchDatabase database, Action<IServiceCollection>? configure = null, string environmentName = "Testing")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Database"] = database.ConnectionString,
            ["Storage:DataFolder"] = _dataFolder,
            ["Auth:SigningKey"] = ApiFactory.TestSigningKey,
        }).Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = environmentName,
            ApplicationName = "CleanBackend.Infrastructure.IntegrationTests",
            ContentRootPath = _dataFolder,
            ContentRootFileProvider = new NullFileProvider(),
        };

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration, environment, NodeRoles.From(configuration));
        configure?.Invoke(services);
        Provider = services.BuildServiceProvider(validateScopes: true);
    }

    public ServiceProvider Provider { get; }

    /// <summary>Runs <paramref name="work"/> with a fresh scope's AppDbContext.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
