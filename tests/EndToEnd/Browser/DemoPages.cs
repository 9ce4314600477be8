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

    /// <summary>Signed in and connected to the hub: the header's live indicator says so.</summary>
    public static void WaitUntilLive(this BrowserSession browser) =>
        browser.WaitUntil(_ => browser.Find("#live").GetAttribute("data-status") == "live", "the realtime connection is live");

    public static int UnreadCount(this BrowserSession browser) => int.Parse(browser.Find("#unread-count").GetAttribute("data-count")!);
}
