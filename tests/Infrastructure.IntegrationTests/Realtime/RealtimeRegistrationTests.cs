using CleanBackend.Infrastructure.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime;

public sealed class RealtimeRegistrationTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void A_session_check_interval_that_is_not_positive_stops_startup_naming_its_setting(string interval)
    {
        using var provider = Services(new() { ["Realtime:SessionCheckInterval"] = interval }, NodeRoles.Parse("api")).BuildServiceProvider();

        // What the host runs before it starts anything (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Realtime:SessionCheckInterval must be positive", error.Message);
    }

    [Fact]
    public void The_session_check_interval_defaults_to_15_seconds()
    {
        using var provider = Services([], NodeRoles.Parse("api")).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromSeconds(15), provider.GetRequiredService<IOptions<RealtimeOptions>>().Value.SessionCheckInterval);
    }

    [Fact]
    public void Only_nodes_that_serve_the_hub_run_the_session_check()
    {
        Assert.Contains(Services([], NodeRoles.Parse("api")), s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(HubSessionCheck));
        Assert.DoesNotContain(Services([], NodeRoles.Parse("jobs")), s => s.ImplementationType == typeof(HubSessionCheck));
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings, NodeRoles roles)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRealtime(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), roles);
        return services;
    }
}
