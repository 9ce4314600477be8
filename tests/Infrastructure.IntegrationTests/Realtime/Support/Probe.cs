using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Support;

/// <summary>Checks that a node's readiness and its Redis subscriptions came back, for tests that stop Redis.</summary>
public static class Probe
{
    private const string Message = "message";

    /// <summary>
    /// Sends numbered probes until the client gets one: reconnecting and re-subscribing take a moment and nothing
    /// signals their end. What was sent during the outage must never show up: it was dropped, not queued and replayed.
    /// </summary>
    public static async Task UntilReceivedAsync(RecordingHubConnection client, string tag, Func<string, Task> send)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send($"{tag} probe {attempt}");
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                // Still reconnecting: sends fail at once until then, so poll at a gentle pace.
                await Task.Delay(100);
                continue;
            }
            try
            {
                while (true)
                {
                    var text = (await client.NextAsync(Message, TimeSpan.FromMilliseconds(500))).GetString()!;
                    Assert.DoesNotContain("during the outage", text);
                    if (text.StartsWith($"{tag} probe ")) return;
                    // otherwise a late probe of an earlier round
                }
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    public static async Task<string> ReadinessAsync(BackplaneTestNode node)
    {
        using var http = node.CreateHttpClient();
        using var response = await http.GetAsync("/health/ready");
        Assert.True(response.IsSuccessStatusCode, $"/health/ready answered {(int)response.StatusCode}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("status").GetString()!;
    }
}
