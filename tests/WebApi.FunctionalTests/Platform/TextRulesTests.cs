using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CleanBackend.Domain.Media;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Media;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// Lengths count what a person sees as characters; names shown to others refuse invisible characters; every 413
/// has one title. On PostgreSQL, so what is accepted is also what its columns store.
/// </summary>
public sealed class TextRulesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Emoji = "😀";            // one character, two UTF-16 units
    private const string ThumbWithSkinTone = "👍🏽"; // one character, two code points

    [Fact]
    public async Task A_post_of_500_emoji_is_published_and_read_back_whole()
    {
        var user = await TestUser.CreateAsync(api);
        var text = string.Concat(Enumerable.Repeat(Emoji, 500));

        var created = await user.Client.PostAsJsonAsync("/api/posts", new { text });

        await ApiAssert.StatusAsync(created, 201);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var read = await api.CreateHttpClient().GetFromJsonAsync<JsonElement>($"/api/posts/{id}");
        Assert.Equal(text, read.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_post_of_501_emoji_is_a_field_error()
    {
        var user = await TestUser.CreateAsync(api);

        var created = await user.Client.PostAsJsonAsync("/api/posts", new { text = string.Concat(Enumerable.Repeat(Emoji, 501)) });

        await ApiAssert.ValidationProblemAsync(created, "text");
    }

    [Fact]
    public async Task Text_that_is_short_to_read_but_too_long_to_store_is_a_field_error_not_a_500()
    {
        var user = await TestUser.CreateAsync(api);

        var created = await user.Client.PostAsJsonAsync("/api/posts", new { text = string.Concat(Enumerable.Repeat(ThumbWithSkinTone, 500)) });

        await ApiAssert.ValidationProblemAsync(created, "text");
    }

    [Fact]
    public async Task A_display_name_of_50_emoji_is_accepted()
    {
        var user = await TestUser.CreateAsync(api);

        var updated = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = string.Concat(Enumerable.Repeat(Emoji, 50)) });

        await ApiAssert.StatusAsync(updated, 200);
    }

    [Theory]
    [InlineData("\u202Eevil")]     // right-to-left override
    [InlineData("ad\u200Bmin")]    // zero-width space
    [InlineData("name\u2066")]     // left-to-right isolate
    [InlineData("\uFEFFname")]     // zero-width no-break space
    public async Task Display_names_and_room_names_refuse_invisible_characters(string name)
    {
        var user = await TestUser.CreateAsync(api);

        var profile = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = name });
        var registered = await api.CreateHttpClient().PostAsJsonAsync("/api/auth/register", new
        {
            userName = TestUser.UniqueName(), email = $"{TestUser.UniqueName()}@example.test", password = TestUser.Password, displayName = name,
        });
        var room = await user.Client.PostAsJsonAsync("/api/rooms", new { name, isPrivate = false });

        await ApiAssert.ValidationProblemAsync(profile, "displayName");
        await ApiAssert.ValidationProblemAsync(registered, "displayName");
        await ApiAssert.ValidationProblemAsync(room, "name");
    }

    [Fact]
    public async Task A_body_over_the_JSON_limit_and_an_upload_over_4_MB_get_the_same_413_title()
    {
        var user = await TestUser.CreateAsync(api);

        var jsonAnswer = await AnnounceJsonBodyOverKestrelsLimitAsync(user);
        var tooBigUpload = await MediaUpload.PostAsync(user.Client, TestImages.Png(2, 2, totalBytes: MediaFile.MaxSizeBytes + 1));

        Assert.StartsWith("HTTP/1.1 413 ", jsonAnswer);
        Assert.Contains("\"title\":\"Content Too Large\"", jsonAnswer);
        var uploadTitle = (await ApiAssert.ProblemAsync(tooBigUpload, 413)).GetProperty("title").GetString();
        Assert.Equal("Content Too Large", uploadTitle);
    }

    /// <summary>
    /// A post whose Content-Length is over Kestrel's 30 MB default, over a raw socket: the server refuses it from the
    /// header alone, so the test need not send 31 MB (which an HttpClient can't finish once the server answers and closes).
    /// </summary>
    private async Task<string> AnnounceJsonBodyOverKestrelsLimitAsync(TestUser user)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(api.ServerAddress.Host, api.ServerAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/posts HTTP/1.1\r\nHost: {api.ServerAddress.Authority}\r\nAuthorization: Bearer {user.AccessToken}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {31 * 1024 * 1024}\r\nConnection: close\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
