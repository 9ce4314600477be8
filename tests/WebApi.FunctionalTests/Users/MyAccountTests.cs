using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Users;

public sealed class MyAccountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string NewPassword = "a-brand-new-password";

    [Fact]
    public async Task Me_returns_the_private_view_with_email()
    {
        var user = await TestUser.CreateAsync(api);

        var me = await ReadAsync(await user.Client.GetAsync("/api/users/me"), 200);

        Assert.Equal(user.Id.ToString(), me.GetProperty("id").GetString());
        Assert.Equal(user.UserName, me.GetProperty("userName").GetString());
        Assert.Equal($"{user.UserName}@example.test", me.GetProperty("email").GetString());
        Assert.Equal("user", me.GetProperty("role").GetString());
        Assert.False(me.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Patch_me_sets_displayName_and_bio_and_an_empty_or_null_bio_clears_it()
    {
        var user = await TestUser.CreateAsync(api);

        var updated = await ReadAsync(await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "  New Name ", bio = "Hello there" }), 200);
        Assert.Equal("New Name", updated.GetProperty("displayName").GetString());
        Assert.Equal("Hello there", updated.GetProperty("bio").GetString());
        var seenByOthers = await ReadAsync(await api.CreateHttpClient().GetAsync($"/api/users/{user.UserName}"), 200);
        Assert.Equal("Hello there", seenByOthers.GetProperty("bio").GetString());

        var emptied = await ReadAsync(await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "New Name", bio = "" }), 200);
        Assert.Equal(JsonValueKind.Null, emptied.GetProperty("bio").ValueKind);

        await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "New Name", bio = "again" });
        var nulled = await ReadAsync(await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "New Name", bio = (string?)null }), 200);
        Assert.Equal(JsonValueKind.Null, nulled.GetProperty("bio").ValueKind);

        var me = await ReadAsync(await user.Client.GetAsync("/api/users/me"), 200);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("bio").ValueKind);
    }

    [Fact]
    public async Task Patch_me_accepts_a_bio_of_exactly_the_maximum_length()
    {
        var user = await TestUser.CreateAsync(api);
        var bio = new string('b', 500);

        var updated = await ReadAsync(await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "X", bio }), 200);

        Assert.Equal(bio, updated.GetProperty("bio").GetString());
    }

    [Theory]
    [InlineData("{}", "displayName")]
    [InlineData("""{"displayName": "   "}""", "displayName")]
    [InlineData("""{"displayName": 7, "bio": "x"}""", "displayName")]
    [InlineData("""{"displayName": "Ok", "bio": {"a": 1}}""", "bio")]
    [InlineData("""{"displayName": """, "body")]
    [InlineData("\"just a string\"", "body")]
    public async Task Patch_me_with_bad_input_is_400_with_the_field(string body, string field)
    {
        var user = await TestUser.CreateAsync(api);
        var response = await user.Client.PatchAsync("/api/users/me", RawJson.Body(body));
        await ApiAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Patch_me_with_over_long_fields_reports_both()
    {
        var user = await TestUser.CreateAsync(api);
        var response = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = new string('d', 51), bio = new string('b', 501) });
        await ApiAssert.ValidationProblemAsync(response, "displayName", "bio");
    }

    [Fact]
    public async Task Change_password_returns_204_keeps_this_session_and_signs_out_the_others()
    {
        var user = await TestUser.CreateAsync(api);
        var otherDevice = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName);
        var otherClient = api.CreateHttpClient(otherDevice.AccessToken);
        await ApiAssert.StatusAsync(await otherClient.GetAsync("/api/users/me"), 200);

        var changed = await user.Client.PostAsJsonAsync("/api/users/me/password", new { currentPassword = TestUser.Password, newPassword = NewPassword });
        await ApiAssert.StatusAsync(changed, 204);

        await ApiAssert.StatusAsync(await user.Client.GetAsync("/api/users/me"), 200);
        await ApiAssert.ProblemAsync(await otherClient.GetAsync("/api/users/me"), 401);
        await ApiAssert.ProblemAsync(await api.CreateHttpClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherDevice.RefreshToken }), 401);

        var anonymous = api.CreateHttpClient();
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/auth/login", new { login = user.UserName, password = TestUser.Password }), 401);
        await TestUser.LogInAsync(anonymous, user.UserName, NewPassword);
    }

    [Fact]
    public async Task Change_password_with_a_wrong_current_password_is_a_400_on_currentPassword_and_changes_nothing()
    {
        var user = await TestUser.CreateAsync(api);
        var otherDevice = await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName);

        var response = await user.Client.PostAsJsonAsync("/api/users/me/password", new { currentPassword = "not-my-password", newPassword = NewPassword });
        await ApiAssert.ValidationProblemAsync(response, "currentPassword");

        await ApiAssert.StatusAsync(await api.CreateHttpClient(otherDevice.AccessToken).GetAsync("/api/users/me"), 200);
        await TestUser.LogInAsync(api.CreateHttpClient(), user.UserName, TestUser.Password);
    }

    [Theory]
    [InlineData("{}", new[] { "currentPassword", "newPassword" })]
    [InlineData("""{"currentPassword": "correct-horse-battery", "newPassword": "short"}""", new[] { "newPassword" })]
    [InlineData("""{"currentPassword": true, "newPassword": "long-enough-password"}""", new[] { "currentPassword" })]
    [InlineData("""{"currentPassword": "correct-horse-battery", "newPassword": 12345678}""", new[] { "newPassword" })]
    [InlineData("""{"currentPassword": """, new[] { "body" })]
    public async Task Change_password_with_bad_input_is_400_with_the_fields(string body, string[] fields)
    {
        var user = await TestUser.CreateAsync(api);
        var response = await user.Client.PostAsync("/api/users/me/password", RawJson.Body(body));
        await ApiAssert.ValidationProblemAsync(response, fields);
    }

    [Fact]
    public async Task Change_password_with_over_long_passwords_is_400_on_both()
    {
        var user = await TestUser.CreateAsync(api);
        var tooLong = new string('p', 129);
        var response = await user.Client.PostAsJsonAsync("/api/users/me/password", new { currentPassword = tooLong, newPassword = tooLong });
        await ApiAssert.ValidationProblemAsync(response, "currentPassword", "newPassword");
    }

    [Fact]
    public async Task My_account_endpoints_without_a_token_are_401()
    {
        var anonymous = api.CreateHttpClient();

        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/users/me"), 401);
        await ApiAssert.ProblemAsync(await anonymous.PatchAsJsonAsync("/api/users/me", new { displayName = "X", bio = "y" }), 401);
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/users/me/password",
            new { currentPassword = TestUser.Password, newPassword = NewPassword }), 401);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int status)
    {
        await ApiAssert.StatusAsync(response, status);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
