using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CleanBackend.Domain.Media;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Media;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// Names shown to others refuse invisible characters; every 413 has one title (lengths: <see cref="TextLengthTests"/>).
/// </summary>
public sealed class TextRulesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
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
