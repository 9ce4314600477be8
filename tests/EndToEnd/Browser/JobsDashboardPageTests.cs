using CleanBackend.TestSupport;
using Xunit.Abstractions;

namespace CleanBackend.EndToEnd.Tests.Browser;

/// <summary>Hangfire's dashboard at /admin/jobs in headless Chromium, reached from the demo client, against the real server on PostgreSQL.</summary>
public sealed class JobsDashboardPageTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_signs_in_on_the_demo_client_follows_its_jobs_link_and_sees_the_succeeded_fan_out_and_its_duration()
    {
        var postId = await PublishAPostToFanOutAsync();
        using var browser = new BrowserSession(api.ServerAddress, output);

        // Without the session cookie a browser is turned away: the dashboard is for signed-in admins.
        browser.Open("/admin/jobs");
        browser.WithText("body", "401");

        browser.Open("/");
        browser.SignIn(ApiFactory.AdminUserName, ApiFactory.AdminPassword);
        browser.Click("#jobs-link");

        browser.WithText("h1", "Overview");
        browser.Click("a[href='/admin/jobs/jobs/enqueued']");
        browser.Click("a[href='/admin/jobs/jobs/succeeded']");
        browser.WithText("table", $"Fan out post {postId} by user");

        browser.Click("a[href='/admin/jobs/durations']");
        browser.WithText("#job-durations tr[data-job-type='FeedFanOutJob']", "FeedFanOutJob");

        // The screenshot of the docs: the dashboard's home with its history graph and the job counters.
        await api.RunFailingProbeToTheEndAsync($"import-{Guid.NewGuid():N}"[..15]);
        browser.Open("/admin/jobs");
        browser.WithText("h1", "Overview");
        browser.Visible("#realtimeGraph");
        browser.FullPageScreenshot("jobs-dashboard");
        browser.Open("/admin/jobs/durations");
        browser.Visible("#job-durations");
        browser.FullPageScreenshot("jobs-dashboard-durations");
    }

    [Fact]
    public async Task A_signed_in_user_who_is_not_an_admin_has_no_jobs_link_and_cannot_open_a_dashboard_session()
    {
        var user = await TestUser.CreateAsync(api);
        using var browser = new BrowserSession(api.ServerAddress, output);

        browser.Open("/");
        browser.SignIn(user.UserName);
        browser.Visible("#compose");

        Assert.False(browser.Find("#jobs-link").Displayed);
        var status = browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            const session = JSON.parse(sessionStorage.getItem("cleanbackend.session"));
            fetch("/api/admin/jobs-dashboard/session", { method: "POST", headers: { Authorization: `Bearer ${session.accessToken}` } })
              .then(r => done(r.status));
            """);
        Assert.Equal(403L, status);
        browser.Open("/admin/jobs");
        browser.WithText("body", "401");
    }

    /// <summary>One user follows another, who posts: the post's fan-out (and the follow's backfill) run as jobs.</summary>
    private async Task<string> PublishAPostToFanOutAsync()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await ApiAssert.StatusAsync(await follower.Client.PutAsync($"/api/users/{author.UserName}/follow", null), 204);
        var posted = await author.Client.PostAsync("/api/posts", RawJson.Body("""{"text":"a post to fan out"}"""));
        await ApiAssert.StatusAsync(posted, 201);
        return System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
