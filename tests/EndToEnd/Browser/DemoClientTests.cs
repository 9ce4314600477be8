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
        var bob = await BobAsync("Bob Example");
        var aliceName = TestUser.UniqueName("alice");
        using var alice = new BrowserSession(api.ServerAddress, output);
        using var bobs = new BrowserSession(api.ServerAddress, output, new Size(390, 844));

        // Alice creates her account on the page; Bob signs in to his, at phone width.
        alice.Open("/");
        alice.SignUpAndGoLive(aliceName, "Alice Example");
        bobs.Open("/");
        bobs.Screenshot("demo-sign-in-phone");
        bobs.SignInAndGoLive(bob.UserName);

        // Alice finds Bob by his display name and follows him; Bob's bell counts the follow without a reload.
        alice.OpenProfileFromSearch("bob ex", bob.UserName);
        alice.Click("#follow-button");
        alice.WithText("#follow-button", "Unfollow");
        bobs.WaitUntil(_ => bobs.UnreadCount() == 1, "Bob's bell counts Alice's follow");
        alice.GoHome();

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
        // Read now: the feed re-renders as live items, notifications and the broadcast arrive, leaving this element stale.
        var postId = post.GetAttribute("data-post-id")!;
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

        // Alice likes the post from her feed: the count says so on both sides once Bob reloads it.
        alice.Click(DemoPages.LikeButton(postId));
        alice.WithText($"{DemoPages.LikeButton(postId)}.liked", "1");

        alice.Screenshot("demo-client");
        bobs.FullPageScreenshot("demo-client-phone");
        alice.AssertNoScriptErrors();
        bobs.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Two_people_find_each_other_like_unlike_comment_open_posts_from_notifications_and_follow_unfollow()
    {
        var bob = await BobAsync("Bob Builder", "Builds things.");
        var posted = await bob.Client.PostAsJsonAsync("/api/posts", new { text = "Can we fix it?" });
        await ApiAssert.StatusAsync(posted, 201);
        var postId = (await posted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var aliceName = TestUser.UniqueName("alice");
        using var alice = new BrowserSession(api.ServerAddress, output);
        using var bobs = new BrowserSession(api.ServerAddress, output, new Size(390, 844));

        // A new account's feed says what to do instead of showing nothing.
        alice.Open("/");
        alice.SignUpAndGoLive(aliceName, "Alice Example");
        alice.WithText("#feed-empty", "Your feed is empty.");
        bobs.Open("/");
        bobs.SignInAndGoLive(bob.UserName);

        // Search: a prefix nobody has says so; Bob is found by his userName's prefix.
        alice.Click("#nav a[href='#/search']");
        alice.Fill("#search-form [name=query]", "zz" + Guid.NewGuid().ToString("N")[..10]);
        alice.Click("#search-form button[type=submit]");
        alice.WithText("#search-empty", "Nobody's name starts with that.");
        alice.OpenProfileFromSearch("@" + bob.UserName[..6], bob.UserName);
        alice.WithText("#view-profile .profile-name", "Bob Builder");
        alice.WithText("#view-profile .profile-bio", "Builds things.");
        alice.WithText("#profile-posts .post", "Can we fix it?");

        // Follow and like from the profile; Bob's bell counts both.
        alice.Click("#follow-button");
        alice.WithText("#follow-button", "Unfollow");
        alice.Click(DemoPages.LikeButton(postId));
        alice.WithText($"{DemoPages.LikeButton(postId)}.liked", "1");
        bobs.WaitUntil(_ => bobs.UnreadCount() == 2, "Bob's bell counts the follow and the like");

        // Bob opens the like's notification: it shows his post, with its like.
        bobs.OpenNotification("like");
        bobs.WithText("#post-single .post", "Can we fix it?");
        bobs.WithText("#post-single .like-count", "1");
        bobs.Visible("#comments-empty");

        // Alice comments from the post's page; a blank comment gets the API's own message.
        alice.Click($"#profile-posts .post[data-post-id='{postId}'] a.comments-link");
        alice.Fill("#comment-form [name=text]", "   ");
        alice.Click("#comment-form button[type=submit]");
        alice.WithText("#comment-form .error", "text must be 1-500 characters long");
        alice.Fill("#comment-form [name=text]", "Yes we can!");
        alice.Click("#comment-form button[type=submit]");
        alice.WithText("#comments .comment", "Yes we can!");
        alice.WithText("#post-single .comment-count", "1");

        // Bob opens the comment's notification: the post with Alice's comment and both counts.
        bobs.WaitUntil(_ => bobs.UnreadCount() == 3, "Bob's bell counts the comment");
        bobs.OpenNotification("comment");
        bobs.WithText("#comments .comment", "Alice Example");
        bobs.WithText("#comments .comment", "Yes we can!");
        bobs.WithText("#post-single .comment-count", "1");
        bobs.FullPageScreenshot("demo-client-post-phone");

        // The follow's notification opens Alice's profile: no posts yet, and a Follow button for Bob.
        bobs.OpenNotification("follow");
        bobs.WithText("#view-profile .profile-name", "Alice Example");
        bobs.WithText("#profile-empty", "No posts yet.");
        bobs.WithText("#follow-button", "Follow");

        // Alice takes the like back and unfollows.
        alice.Click(DemoPages.LikeButton(postId));
        alice.WaitUntil(_ => alice.Find(DemoPages.LikeButton(postId)).GetAttribute("aria-pressed") == "false", "the like is taken back");
        alice.WithText($"{DemoPages.LikeButton(postId)} .like-count", "0");
        alice.OpenProfileFromSearch("Bob B", bob.UserName);
        alice.WithText("#follow-button", "Unfollow");
        alice.Click("#follow-button");
        alice.WithText("#follow-button", "Follow");
        alice.Driver.Navigate().Refresh();
        alice.WithText("#view-profile .profile-name", "Bob Builder");
        alice.WithText("#follow-button", "Follow");

        alice.AssertNoScriptErrors();
        bobs.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Two_people_chat_in_a_private_room_and_see_broadcasts_sent_before_they_came()
    {
        var admin = await TestUser.AdminAsync(api);
        var earlier = $"Welcome to the demo ({Guid.NewGuid().ToString("N")[..6]})";
        await ApiAssert.StatusAsync(await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = earlier }), 202);
        var bob = await TestUser.CreateAsync(api, TestUser.UniqueName("bob"));
        using var alice = new BrowserSession(api.ServerAddress, output);
        using var bobs = new BrowserSession(api.ServerAddress, output, new Size(390, 844));

        alice.Open("/");
        alice.SignUpAndGoLive(TestUser.UniqueName("alice"), "Alice Example");
        alice.WithText("#broadcasts", earlier);

        // Alice creates a private room; inviting someone who does not exist says so, inviting Bob works.
        alice.Fill("#new-room-form [name=name]", "secret plans");
        alice.Click("#new-room-form [name=isPrivate]");
        alice.Click("#new-room-form button[type=submit]");
        alice.WithText("#room .room-name", "secret plans (private)");
        alice.Fill("#invite-form [name=userName]", "nobody_" + Guid.NewGuid().ToString("N")[..8]);
        alice.Click("#invite-form button[type=submit]");
        alice.WithText("#chat-error", "There is no user named");
        alice.Fill("#invite-form [name=userName]", bob.UserName);
        alice.Click("#invite-form button[type=submit]");
        alice.WithText("#invite-status", $"@{bob.UserName} can now join this room.");

        // Bob, at phone width, sees the broadcast history and the private room, joins it and they chat.
        bobs.Open("/");
        bobs.SignInAndGoLive(bob.UserName);
        bobs.WithText("#broadcasts", earlier);
        bobs.Click("#rooms-refresh");
        bobs.WaitUntil(driver => driver.FindElements(By.CssSelector("#room-select option")).Any(o => o.Text.Contains("secret plans (private)")),
            "the private room is listed for Bob");
        foreach (var option in bobs.Driver.FindElements(By.CssSelector("#room-select option")))
            if (option.Text.Contains("secret plans")) option.Click();
        bobs.Click("#room-form button[type=submit]");
        bobs.WithText("#room .room-name", "secret plans (private)");
        Assert.False(bobs.Find("#invite-form").Displayed);
        alice.WithText("#online-users", bob.UserName);

        bobs.Fill("#message-form [name=text]", "Only we can read this.");
        bobs.Click("#message-form button[type=submit]");
        alice.WithText("#room-messages .message", "Only we can read this.");
        alice.Fill("#message-form [name=text]", "Exactly.");
        alice.Click("#message-form button[type=submit]");
        bobs.WithText("#room-messages .message", "Exactly.");

        // A live broadcast joins the history under the one from before.
        await ApiAssert.StatusAsync(await admin.Client.PostAsJsonAsync("/api/admin/broadcast", new { message = "Second broadcast" }), 202);
        bobs.WithText("#broadcasts li:first-child", "Second broadcast");
        bobs.WithText("#broadcasts", earlier);

        alice.AssertNoScriptErrors();
        bobs.AssertNoScriptErrors();
    }

    /// <summary>Bob, signed up over the API with this display name and bio.</summary>
    private async Task<TestUser> BobAsync(string displayName, string? bio = null)
    {
        var bob = await TestUser.CreateAsync(api, TestUser.UniqueName("bob"));
        await ApiAssert.StatusAsync(await bob.Client.PatchAsJsonAsync("/api/users/me", new { displayName, bio }), 200);
        return bob;
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
