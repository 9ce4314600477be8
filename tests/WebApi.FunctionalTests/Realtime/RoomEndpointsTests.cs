using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Realtime;

public sealed class RoomEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_a_room_returns_201_with_the_caller_as_owner()
    {
        var owner = await TestUser.CreateAsync(api);

        var response = await owner.Client.PostAsJsonAsync("/api/rooms", new { name = "  general  ", isPrivate = false });

        await ApiAssert.StatusAsync(response, 201);
        var room = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("general", room.GetProperty("name").GetString());
        Assert.False(room.GetProperty("isPrivate").GetBoolean());
        Assert.Equal(owner.Id.ToString(), room.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal(owner.UserName, room.GetProperty("owner").GetProperty("userName").GetString());
        Assert.Equal($"/api/rooms/{room.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("""{"name": "", "isPrivate": false}""", "name")]
    [InlineData("""{"name": "   "}""", "name")]
    [InlineData("""{"isPrivate": true}""", "name")]
    [InlineData("""{"name": 5}""", "name")]
    [InlineData("""{"name": "x", "isPrivate": "yes"}""", "isPrivate")]
    [InlineData("""{"name": """, "body")]
    public async Task Creating_a_room_with_bad_input_is_400_naming_the_field(string body, string field)
    {
        var owner = await TestUser.CreateAsync(api);
        var response = await owner.Client.PostAsync("/api/rooms", RawJson.Body(body));
        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Creating_a_room_with_a_too_long_name_is_400()
    {
        var owner = await TestUser.CreateAsync(api);
        var response = await owner.Client.PostAsJsonAsync("/api/rooms", new { name = new string('n', 101) });
        await ApiAssert.ValidationProblemAsync(response, "name");
    }

    [Fact]
    public async Task Room_endpoints_need_a_signed_in_caller()
    {
        var anonymous = api.CreateHttpClient();
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/rooms", new { name = "x" }), 401);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/rooms"), 401);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/rooms/1/messages"), 401);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/rooms/1/online"), 401);
    }

    [Fact]
    public async Task Listing_rooms_shows_public_rooms_and_only_the_callers_private_ones()
    {
        var alice = await TestUser.CreateAsync(api);
        var bob = await TestUser.CreateAsync(api);
        var open = await alice.CreateRoomAsync();
        var alicesSecret = await alice.CreateRoomAsync(isPrivate: true);
        var bobsSecret = await bob.CreateRoomAsync(isPrivate: true);

        var ids = await ListRoomIdsAsync(bob);

        Assert.Contains(open, ids);
        Assert.Contains(bobsSecret, ids);
        Assert.DoesNotContain(alicesSecret, ids);
        Assert.True(ids.IndexOf(bobsSecret) < ids.IndexOf(open), "newest first");
    }

    [Fact]
    public async Task Listing_rooms_pages_with_a_cursor()
    {
        var owner = await TestUser.CreateAsync(api);
        for (var i = 0; i < 3; i++) await owner.CreateRoomAsync(isPrivate: true);

        var first = await owner.Client.GetFromJsonAsync<JsonElement>("/api/rooms?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/rooms?limit=2&cursor={cursor}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var firstIds = first.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var secondIds = second.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Theory]
    [InlineData("/api/rooms?limit=0", "limit")]
    [InlineData("/api/rooms?limit=101", "limit")]
    [InlineData("/api/rooms?limit=ten", "limit")]
    [InlineData("/api/rooms?cursor=bogus", "cursor")]
    [InlineData("/api/rooms/abc/messages", "id")]
    [InlineData("/api/rooms/abc/online", "id")]
    public async Task Bad_query_or_route_values_are_400_naming_the_field(string url, string field)
    {
        var user = await TestUser.CreateAsync(api);
        await ApiAssert.ValidationProblemAsync(await user.Client.GetAsync(url), field);
    }

    [Fact]
    public async Task The_owner_adds_members_to_a_private_room_who_can_then_see_and_read_it()
    {
        var owner = await TestUser.CreateAsync(api);
        var member = await TestUser.CreateAsync(api);
        var room = await owner.CreateRoomAsync(isPrivate: true);
        await ApiAssert.ProblemAsync(await member.Client.GetAsync($"/api/rooms/{room}/messages"), 403);

        var added = await owner.Client.PostAsJsonAsync($"/api/rooms/{room}/members", new { userName = member.UserName.ToUpperInvariant() });
        var addedAgain = await owner.Client.PostAsJsonAsync($"/api/rooms/{room}/members", new { userName = member.UserName });

        await ApiAssert.StatusAsync(added, 204);
        await ApiAssert.StatusAsync(addedAgain, 204);
        Assert.Contains(room, await ListRoomIdsAsync(member));
        await ApiAssert.StatusAsync(await member.Client.GetAsync($"/api/rooms/{room}/messages"), 200);
        await ApiAssert.StatusAsync(await member.Client.GetAsync($"/api/rooms/{room}/online"), 200);
    }

    [Fact]
    public async Task Adding_members_is_for_the_owner_of_a_private_room_and_an_existing_user()
    {
        var owner = await TestUser.CreateAsync(api);
        var other = await TestUser.CreateAsync(api);
        var secret = await owner.CreateRoomAsync(isPrivate: true);
        var open = await owner.CreateRoomAsync();
        await owner.AddRoomMemberAsync(secret, other);

        await ApiAssert.ProblemAsync(await other.Client.PostAsJsonAsync($"/api/rooms/{secret}/members", new { userName = owner.UserName }), 403);
        await ApiAssert.ProblemAsync(await owner.Client.PostAsJsonAsync($"/api/rooms/{open}/members", new { userName = other.UserName }), 409);
        await ApiAssert.ProblemAsync(await owner.Client.PostAsJsonAsync("/api/rooms/12345/members", new { userName = other.UserName }), 404);
        await ApiAssert.ValidationProblemAsync(await owner.Client.PostAsJsonAsync($"/api/rooms/{secret}/members", new { userName = "nobody_" + other.UserName }), "userName");
        await ApiAssert.ValidationProblemAsync(await owner.Client.PostAsJsonAsync($"/api/rooms/{secret}/members", new { userName = "" }), "userName");
        await ApiAssert.ValidationProblemAsync(await owner.Client.PostAsJsonAsync($"/api/rooms/{secret}/members", new { }), "userName");
        await ApiAssert.ValidationProblemAsync(await owner.Client.PostAsJsonAsync("/api/rooms/x/members", new { userName = other.UserName }), "id");
    }

    [Fact]
    public async Task Messages_and_online_users_of_a_private_room_are_for_members_only()
    {
        var owner = await TestUser.CreateAsync(api);
        var outsider = await TestUser.CreateAsync(api);
        var room = await owner.CreateRoomAsync(isPrivate: true);

        var messages = await ApiAssert.ProblemAsync(await outsider.Client.GetAsync($"/api/rooms/{room}/messages"), 403);
        await ApiAssert.ProblemAsync(await outsider.Client.GetAsync($"/api/rooms/{room}/online"), 403);
        await ApiAssert.ProblemAsync(await outsider.Client.GetAsync("/api/rooms/12345/messages"), 404);
        Assert.Contains("private", messages.GetProperty("detail").GetString());
    }

    private static async Task<List<string?>> ListRoomIdsAsync(TestUser user)
    {
        var page = await user.Client.GetFromJsonAsync<JsonElement>("/api/rooms?limit=100");
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
    }
}
