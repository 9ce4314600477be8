using CleanBackend.TestSupport;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace CleanBackend.EndToEnd.Tests.Browser;

/// <summary>The jobs dashboard at /admin/jobs in headless Chromium, against the real server on PostgreSQL (clustered Quartz store).</summary>
public sealed class JobsDashboardPageTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_sees_the_fan_out_run_in_the_history_triggers_a_recurring_job_and_sees_it_run()
    {
        await PublishAPostToFanOutAsync();
        using var browser = new BrowserSession(api.ServerAddress, output);

        browser.Open("/admin/jobs");
        browser.Visible("#sign-in-form");
        browser.SignIn(ApiFactory.AdminUserName, ApiFactory.AdminPassword);

        // The page refreshes itself: the fan-out of the post shows up without a reload.
        browser.Visible("#dashboard");
        var fanOut = browser.Visible("#history tr[data-job='FeedFanOutJob'][data-result='succeeded']");
        Assert.Contains("FanOutPostCommand", fanOut.Text);
        browser.WithText("#nodes", "node-0");
        browser.WithText("#chart .chart-row[data-job='FeedFanOutJob']", "FeedFanOutJob");
        browser.WithText("#recurring tr[data-name='feed-trim']", "Every hour, on the hour");

        browser.Click("#recurring tr[data-name='feed-trim'] button[data-action='trigger']");

        var run = browser.Visible("#history tr[data-job='feed-trim'][data-result='succeeded']");
        Assert.Contains("manual", run.Text);
        browser.WithText("#recurring tr[data-name='feed-trim'] .last-run", "succeeded");
        browser.WaitUntil(_ => int.Parse(browser.Find("[data-count='succeeded']").Text) >= 2, "the overview counts both runs");

        // Pause and resume from the page.
        browser.Click("#recurring tr[data-name='feed-trim'] button[data-action='pause']");
        browser.Click("#recurring tr[data-name='feed-trim'][data-state='paused'] button[data-action='resume']");
        browser.Visible("#recurring tr[data-name='feed-trim'][data-state='normal']");
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_admin_sees_a_running_jobs_progress_and_retries_a_failed_run()
    {
        var failing = $"import-{Guid.NewGuid():N}"[..15];
        var running = $"report-{Guid.NewGuid():N}"[..15];
        await api.ScheduleProbeAsync<FailingProbeJob>(failing);
        using var browser = new BrowserSession(api.ServerAddress, output);
        browser.Open("/admin/jobs");
        browser.SignIn(ApiFactory.AdminUserName, ApiFactory.AdminPassword);

        // The probe fails, is retried once by the retry policy, fails again: a final failure the admin can retry.
        browser.Visible("#history tr[data-job='FailingProbeJob'][data-result='failed'] button[data-action='retry']");
        browser.WithText("#history tr[data-job='FailingProbeJob']", $"probe failure: {failing}");
        browser.WaitUntil(_ => int.Parse(browser.Find("[data-count='failed']").Text) >= 1, "the overview counts the failure");

        // With some ordinary activity beside it, for the screenshot of a dashboard at work.
        await PublishAPostToFanOutAsync();
        var admin = await TestUser.AdminAsync(api);
        await ApiAssert.StatusAsync(await admin.Client.PostAsync("/api/admin/jobs/recurring/media-cleanup/trigger", null), 202);
        await api.ScheduleProbeAsync<ProgressProbeJob>(running);
        browser.WithText("#executing tr[data-job='ProgressProbeJob']", "42%");
        browser.WithText("#executing tr[data-job='ProgressProbeJob']", "halfway there");
        browser.Visible("#history tr[data-job='FeedFanOutJob']");
        browser.Visible("#history tr[data-job='media-cleanup']");
        browser.FullPageScreenshot("jobs-dashboard");

        browser.Click("#history tr[data-job='FailingProbeJob'][data-result='failed'] button[data-action='retry']");
        browser.WaitUntil(_ => browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#history tr[data-job='FailingProbeJob'] td.trigger"))
            .Any(cell => cell.Text == "manual"), "the retried run shows in the history");

        ProgressProbeJob.Release(running);
        browser.WithText("#executing", "Nothing is running.");
        browser.Visible("#history tr[data-job='ProgressProbeJob'][data-result='succeeded']");
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_gets_the_403_page_and_can_sign_in_as_someone_else()
    {
        var user = await TestUser.CreateAsync(api);
        using var browser = new BrowserSession(api.ServerAddress, output);

        browser.Open("/admin/jobs");
        browser.SignIn(user.UserName);

        browser.WithText("#forbidden", "403");
        browser.WithText("#forbidden-user", user.UserName);
        Assert.False(browser.Find("#dashboard").Displayed);
        browser.Screenshot("jobs-dashboard-403");

        browser.Click("#forbidden-sign-out");
        browser.Visible("#sign-in-form");
        Assert.Equal("null", browser.Driver.ExecuteScript("return JSON.stringify(sessionStorage.getItem('cleanbackend.session'))"));
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public void A_wrong_password_is_said_on_the_sign_in_form()
    {
        using var browser = new BrowserSession(api.ServerAddress, output);

        browser.Open("/admin/jobs");
        browser.SignIn(ApiFactory.AdminUserName, "not-the-password");

        browser.WithText("#sign-in-form .error", "Wrong user name or password.");
        Assert.False(browser.Driver.FindElement(By.CssSelector("#dashboard")).Displayed);
        browser.AssertNoScriptErrors();
    }

    /// <summary>One user follows another, who posts: the post's fan-out (and the follow's backfill) run as jobs.</summary>
    private async Task PublishAPostToFanOutAsync()
    {
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await ApiAssert.StatusAsync(await follower.Client.PutAsync($"/api/users/{author.UserName}/follow", null), 204);
        await ApiAssert.StatusAsync(await author.Client.PostAsync("/api/posts", RawJson.Body("""{"text":"a post to fan out"}""")), 201);
    }
}
