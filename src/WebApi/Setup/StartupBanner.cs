using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CleanBackend.WebApi.Setup;

/// <summary>
/// Once the server listens, says where to go: the demo client, the API docs and the jobs dashboard, in a block of
/// its own on standard output, so a first run shows them whatever the log levels and formatter are.
/// </summary>
public static class StartupBanner
{
    public static void PrintAddressesWhenListening(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.Select(a => a.Replace("//[::]", "//localhost").Replace("//0.0.0.0", "//localhost").TrimEnd('/'))
                .FirstOrDefault();
            if (first is null) return;
            Console.Out.Write($"""

                CleanBackend is listening on {string.Join(", ", addresses)}
                  demo client     {first}/
                  API docs        {first}/swagger
                  jobs dashboard  {first}/admin/jobs (sign in as an admin)


                """);
        });
}
