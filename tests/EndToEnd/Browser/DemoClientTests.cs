using System.Drawing;
using System.Net.Http.Json;
using CleanBackend.TestSupport;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace CleanBackend.EndToEnd.Tests.Browser;

/// <summary>The demo client at / in two headless Chromium sessions, two people, against the real server on PostgreSQL.</summary>
public sealed class DemoClientTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Two_people_follow_post_an_image_see_it_live_count_notifications_chat_and_get_a_broadcast()
    {
        var bob = await TestUser.CreateAsync(api, TestUser.UniqueName("bob"));
        await ApiAssert.StatusAsync(await bob.Client.PatchAsJsonAsync("/api/users/me", new { displayName = "Bob Example", bio = (string?)null }), 200);
        var aliceName = TestUser.UniqueName("alice");
        using var alice = new BrowserSession(api.ServerAddress, output);
        using var bobs = new BrowserSession(api.ServerAddress, output, new Size(390, 844));

        // Alice creates her account on the page; Bob signs in to his, at phone width.
        alice.Open("/");
        alice.SignUp(aliceName, "Alice Example");
        alice.WaitUntilLive();
        bobs.Open("/");
        bobs.Screenshot("demo-sign-in-phone");
        bobs.SignIn(bob.UserName);
        bobs.WaitUntilLive();

        // Alice follows Bob; Bob's bell counts the follow without a reload.
        alice.Fill("#follow-form [name=userName]", bob.UserName);
        alice.Click("#follow-form button[type=submit]");
        alice.WithText("#follow-status", $"You follow @{bob.UserName}");
        bobs.WaitUntil(_ => bobs.UnreadCount() == 1, "Bob's bell counts Alice's follow");

        // Bob posts an image that mentions Alice: her feed grows and her bell counts up, live.
        Assert.Equal(0, alice.UnreadCount());
        var image = Path.Combine(Directory.CreateTempSubdirectory("cleanbackend-upload-").FullName, "sunset.png");
        await File.WriteAllBytesAsync(image, TestImages.Png(480, 270, paint: Sunset));
        bobs.Fill("#compose [name=text]", $"Sunset from the roof, @{aliceName}!");
        bobs.Find("#compose-image").SendKeys(image);
        bobs.Visible("#compose-preview");
        bobs.Click("#compose button[type=submit]");
        bobs.WithText("#feed .post", "Sunset from the roof");

        var post = alice.WithText("#feed .post", "Sunset from the roof");
        Assert.Contains("Bob Example", post.Text);
        Assert.Contains($"@{bob.UserName}", post.Text);
        var picture = post.FindElement(By.CssSelector("img.post-image"));
        alice.WaitUntil(_ => Convert.ToInt64(alice.Driver.ExecuteScript("return arguments[0].naturalWidth", picture)) == 480,
            "the post's image has loaded");
        alice.WaitUntil(_ => alice.UnreadCount() == 1, "Alice's bell counts Bob's mention");
        alice.Click("#bell");
        alice.WithText("#notification-list li", "mentioned you");

        // A room: Alice creates it, Bob joins; presence and messages cross in both directions.
        alice.Click("#bell");
        alice.Fill("#new-room-form [name=name]", "lobby");
        alice.Click("#new-room-form button[type=submit]");
        alice.WithText("#room .room-name", "lobby");
        bobs.Click("#rooms-refresh");
        bobs.WaitUntil(_ => bobs.Find("#room-select").Text.Contains("lobby"), "the new room is listed for Bob");
        bobs.Click("#room-form button[type=submit]");
        bobs.WithText("#online-users", "Alice Example");
        alice.WithText("#online-users", "Bob Example");

        bobs.Fill("#message-form [name=text]", "Hi Alice, nice view?");
        bobs.Click("#message-form button[type=submit]");
        alice.WithText("#room-messages .message", "Hi Alice, nice view?");
        alice.Fill("#message-form [name=text]", "Lovely! Thanks for sharing.");
        alice.Click("#message-form button[type=submit]");
        bobs.WithText("#room-messages .message.mine", "Hi Alice");
        bobs.WithText("#room-messages .message", "Lovely! Thanks for sharing.");

        // An admin's broadcast shows as a banner on both pages.
        var admin = await TestUser.AdminAsync(api);
        await ApiAssert.StatusAsync(await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = "Maintenance tonight at 22:00 UTC" }), 202);
        alice.WithText("#broadcast", "Maintenance tonight at 22:00 UTC");
        bobs.WithText("#broadcast", "Maintenance tonight at 22:00 UTC");

        alice.Screenshot("demo-client");
        bobs.FullPageScreenshot("demo-client-phone");
        alice.AssertNoScriptErrors();
        bobs.AssertNoScriptErrors();
    }

    /// <summary>A sky fading from blue to orange over a dark hill: something recognisable in the screenshots.</summary>
    private static (byte R, byte G, byte B) Sunset(int x, int y)
    {
        var hill = 200 + (int)(25 * Math.Sin(x / 60.0));
        if (y > hill) return (40, 45, 70);
        var t = Math.Min(1.0, y / 225.0);
        return ((byte)(70 + 185 * t), (byte)(110 + 60 * t), (byte)(200 - 130 * t));
    }
}
