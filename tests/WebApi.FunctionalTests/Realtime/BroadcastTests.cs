using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.Application.Common.Realtime;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class BroadcastTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_broadcast_is_accepted_and_reaches_every_connection()
    {
        var admin = await TestUser.AdminAsync(api);
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        await using var adminHub = await RecordingHubConnection.ConnectAsync(api, admin);
        await using var aliceHub = await RecordingHubConnection.ConnectAsync(api, alice);
        await using var bobPhone = await RecordingHubConnection.ConnectAsync(api, bob);
        await using var bobLaptop = await RecordingHubConnection.ConnectAsync(api, bob);

        var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = "Maintenance at noon" });

        await ApiAssert.StatusAsync(response, 202);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var hub in new[] { adminHub, aliceHub, bobPhone, bobLaptop })
        {
            var broadcast = await hub.NextAsync(RealtimeEvents.Broadcast);
            Assert.Equal("Maintenance at noon", broadcast.GetProperty("message").GetString());
            Assert.Equal(admin.UserName, broadcast.GetProperty("from").GetProperty("userName").GetString());
            Assert.Equal(accepted.GetProperty("sentAt").GetDateTimeOffset(), broadcast.GetProperty("sentAt").GetDateTimeOffset());
            Assert.Equal(accepted.GetProperty("id").GetString(), broadcast.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Only_admins_broadcast()
    {
        var user = await TestUser.CreateAsync(api);
        await ApiAssert.ProblemAsync(await user.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = "hi all" }), 403);
        await ApiAssert.ProblemAsync(await api.CreateHttpClient().PostAsJsonAsync("/api/admin/broadcast", new { message = "hi all" }), 401);
    }

    [Theory]
    [InlineData("""{"message": ""}""", "message")]
    [InlineData("""{"message": "  "}""", "message")]
    [InlineData("""{}""", "message")]
    [InlineData("""{"message": 7}""", "message")]
    [InlineData("""{"message": """, "body")]
    public async Task A_bad_broadcast_is_400_naming_the_field(string body, string field)
    {
        var admin = await TestUser.AdminAsync(api);
        var response = await admin.Client.PostAsync("/api/admin/broadcast", RawJson.Body(body));
        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_broadcast_over_1000_characters_is_400()
    {
        var admin = await TestUser.AdminAsync(api);
        var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = new string('b', 1001) });
        await ApiAssert.ValidationProblemAsync(response, "message");
    }

    [Fact]
    public async Task Past_broadcasts_are_listed_newest_first()
    {
        var admin = await TestUser.AdminAsync(api);
        var reader = await TestUser.CreateAsync(api);
        foreach (var message in new[] { "first", "second" })
            await ApiAssert.StatusAsync(await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message }), 202);

        var page = await reader.Client.GetFromJsonAsync<JsonElement>("/api/broadcasts?limit=2");

        Assert.Equal(["second", "first"], page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("message").GetString()));
        await ApiAssert.ValidationProblemAsync(await reader.Client.GetAsync("/api/broadcasts?limit=0"), "limit");
        await ApiAssert.ProblemAsync(await api.CreateHttpClient().GetAsync("/api/broadcasts"), 401);
    }
}
