using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Users;

public sealed class PublicProfileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateHttpClient();

    [Fact]
    public async Task A_profile_is_public_found_in_any_case_and_has_no_email()
    {
        var user = await TestUser.CreateAsync(api);

        foreach (var client in new[] { _anonymous, user.Client })
        {
            var response = await client.GetAsync($"/api/users/{user.UserName.ToUpperInvariant()}");
            await ApiAssert.StatusAsync(response, 200);
            var profile = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(user.Id.ToString(), profile.GetProperty("id").GetString());
            Assert.Equal(user.UserName, profile.GetProperty("userName").GetString());
            Assert.Equal(user.UserName, profile.GetProperty("displayName").GetString());
            Assert.False(profile.TryGetProperty("email", out _));
            Assert.False(profile.GetProperty("followedByMe").GetBoolean());
        }
    }

    [Fact]
    public async Task A_profile_says_whether_the_caller_follows_its_user()
    {
        var user = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);

        await follower.FollowAsync(user);

        Assert.True((await follower.GetJsonAsync($"/api/users/{user.UserName}")).GetProperty("followedByMe").GetBoolean());
        Assert.False((await user.GetJsonAsync($"/api/users/{follower.UserName}")).GetProperty("followedByMe").GetBoolean());
        await ApiAssert.StatusAsync(await follower.Client.DeleteAsync($"/api/users/{user.UserName}/follow"), 204);
        Assert.False((await follower.GetJsonAsync($"/api/users/{user.UserName}")).GetProperty("followedByMe").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_userName_is_404()
    {
        var response = await _anonymous.GetAsync($"/api/users/{TestUser.UniqueName("nobody")}");
        await ApiAssert.ProblemAsync(response, 404);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public async Task An_invalid_userName_is_400_on_userName(string userName)
    {
        var response = await _anonymous.GetAsync($"/api/users/{userName}");
        await ApiAssert.ValidationProblemAsync(response, "userName");
    }
}
