using CleanBackend.TestSupport;

namespace CleanBackend.EndToEnd.Tests.Browser;

/// <summary>What a person does on the demo client (/) and the jobs dashboard (/admin/jobs), step by step.</summary>
public static class DemoPages
{
    public static void SignIn(this BrowserSession browser, string login, string password = TestUser.Password)
    {
        browser.Fill("#sign-in-form [name=login]", login);
        browser.Fill("#sign-in-form [name=password]", password);
        browser.Click("#sign-in-form button[type=submit]");
    }

    public static void SignUp(this BrowserSession browser, string userName, string displayName)
    {
        browser.Click(".tab[data-tab=sign-up-form]");
        browser.Fill("#sign-up-form [name=userName]", userName);
        browser.Fill("#sign-up-form [name=displayName]", displayName);
        browser.Fill("#sign-up-form [name=email]", $"{userName}@example.test");
        browser.Fill("#sign-up-form [name=password]", TestUser.Password);
        browser.Click("#sign-up-form button[type=submit]");
    }

    public static void SignInAndGoLive(this BrowserSession browser, string login)
    {
        browser.SignIn(login);
        browser.WaitUntilLive();
    }

    public static void SignUpAndGoLive(this BrowserSession browser, string userName, string displayName)
    {
        browser.SignUp(userName, displayName);
        browser.WaitUntilLive();
    }

    /// <summary>Signed in and connected to the hub: the header's live indicator says so.</summary>
    public static void WaitUntilLive(this BrowserSession browser) =>
        browser.WaitUntil(_ => browser.Find("#live").GetAttribute("data-status") == "live", "the realtime connection is live");

    public static int UnreadCount(this BrowserSession browser) => int.Parse(browser.Find("#unread-count").GetAttribute("data-count")!);

    /// <summary>Searches people from the Search page and opens the profile of <paramref name="userName"/> from the results.</summary>
    public static void OpenProfileFromSearch(this BrowserSession browser, string query, string userName)
    {
        browser.Click("#nav a[href='#/search']");
        browser.Fill("#search-form [name=query]", query);
        browser.Click("#search-form button[type=submit]");
        browser.Click($"#search-results li[data-user-name='{userName}'] a");
        browser.WithText("#view-profile .profile-user-name", $"@{userName}");
    }

    /// <summary>Opens the bell's panel and clicks the first notification of this type.</summary>
    public static void OpenNotification(this BrowserSession browser, string type)
    {
        if (!browser.Find("#notifications").Displayed) browser.Click("#bell");
        browser.Click($"#notification-list li[data-type='{type}'] a");
    }

    public static void GoHome(this BrowserSession browser) => browser.Click("#nav a[href='#/']");

    /// <summary>The post's like button, wherever the current view lists it.</summary>
    public static string LikeButton(string postId) => $".view:not([hidden]) .post[data-post-id='{postId}'] button.like";
}
