using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class NotificationEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_user_has_no_notifications()
    {
        var user = await TestUser.CreateAsync(api);

        var page = await user.Client.GetFromJsonAsync<JsonElement>("/api/notifications");
        var unread = await user.Client.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count");

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        Assert.Equal(0, unread.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Notification_endpoints_need_a_signed_in_caller()
    {
        var anonymous = api.CreateHttpClient();
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/notifications"), 401);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/notifications/unread-count"), 401);
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/notifications/read", new { all = true }), 401);
    }

    [Theory]
    [InlineData("/api/notifications?limit=0", "limit")]
    [InlineData("/api/notifications?limit=abc", "limit")]
    [InlineData("/api/notifications?cursor=nope", "cursor")]
    [InlineData("/api/notifications?unreadOnly=maybe", "unreadOnly")]
    public async Task Listing_with_bad_query_values_is_400_naming_the_field(string url, string field)
    {
        var user = await TestUser.CreateAsync(api);
        await ApiAssert.ValidationProblemAsync(await user.Client.GetAsync(url), field);
    }

    [Theory]
    [InlineData("""{}""", "ids")]
    [InlineData("""{"ids": ["1"], "all": true}""", "ids")]
    [InlineData("""{"ids": []}""", "ids")]
    [InlineData("""{"all": false}""", "all")]
    [InlineData("""{"ids": ["x"]}""", "ids[0]")]
    [InlineData("""{"ids": "1"}""", "ids")]
    [InlineData("""{"all": "yes"}""", "all")]
    [InlineData("""{"all": """, "body")]
    public async Task Marking_read_takes_exactly_one_of_ids_or_all(string body, string field)
    {
        var user = await TestUser.CreateAsync(api);
        var response = await user.Client.PostAsync("/api/notifications/read", RawJson.Body(body));
        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Marking_more_than_100_ids_read_is_400()
    {
        var user = await TestUser.CreateAsync(api);
        var response = await user.Client.PostAsJsonAsync("/api/notifications/read", new { ids = Enumerable.Range(1, 101).Select(i => i.ToString()) });
        await ApiAssert.ValidationProblemAsync(response, "ids");
    }

    [Fact]
    public async Task Marking_read_returns_the_unread_count()
    {
        var user = await TestUser.CreateAsync(api);
        foreach (var body in new object[] { new { all = true }, new { ids = new[] { "12345" } } })
        {
            var response = await user.Client.PostAsJsonAsync("/api/notifications/read", body);
            await ApiAssert.StatusAsync(response, 200);
            Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        }
    }
}
