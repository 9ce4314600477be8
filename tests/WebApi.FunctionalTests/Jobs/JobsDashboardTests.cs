using System.Net;
using CleanBackend.TestSupport;
using CleanBackend.WebApi.FunctionalTests.Social;
using Hangfire.States;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>Hangfire's dashboard at /admin/jobs over real HTTP, against the real server on PostgreSQL (Hangfire.PostgreSql).</summary>
public sealed class JobsDashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly KeyValuePair<string, string>[] NoForm = [];

    [Fact]
    public async Task The_dashboard_answers_401_signed_out_403_to_a_non_admin_and_200_to_an_admins_bearer_token()
    {
        var user = await TestUser.CreateAsync(api);
        var admin = await TestUser.AdminAsync(api);
        using var anonymous = new JobsDashboardClient(api, accessToken: null);
        using var nonAdmin = new JobsDashboardClient(api, user.AccessToken);
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);

        foreach (var page in new[] { "", "/jobs/succeeded", JobDurationsRoute })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await nonAdmin.GetAsync(page)).StatusCode);
            Assert.Contains("CleanBackend jobs", await dashboard.PageAsync(page));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await nonAdmin.PostAsync("/recurring/trigger", [new("jobs[]", "feed-trim")], withAntiforgeryToken: false)).StatusCode);
    }

    [Fact]
    public async Task A_browser_session_cookie_opens_the_dashboard_only_for_admins_and_only_there()
    {
        var user = await TestUser.CreateAsync(api);
        var admin = await TestUser.AdminAsync(api);

        await ApiAssert.ProblemAsync(await user.Client.PostAsync(SessionEndpoint, null), 403);
        var opened = await admin.Client.PostAsync(SessionEndpoint, null);
        await ApiAssert.StatusAsync(opened, 204);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin/jobs", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        using var browser = new HttpClient { BaseAddress = api.ServerAddress };
        browser.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        await ApiAssert.StatusAsync(await browser.GetAsync("/admin/jobs"), 200);
        // The cookie is the dashboard's way in, not the API's.
        await ApiAssert.StatusAsync(await browser.GetAsync("/api/users/me"), 401);
    }

    [Fact]
    public async Task A_posts_fan_out_shows_by_name_with_its_result_on_the_succeeded_page_the_durations_page_and_the_servers_page()
    {
        var admin = await TestUser.AdminAsync(api);
        var author = await TestUser.CreateAsync(api);
        var follower = await TestUser.CreateAsync(api);
        await follower.FollowAsync(author);
        var postId = await author.PublishIdAsync("fan me out");
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);
        var name = $"Fan out post {postId} by user {author.Id}";

        string succeeded = "";
        await Eventually.UntilAsync(async () => (succeeded = await dashboard.PageAsync("/jobs/succeeded")).Contains(name),
            "the succeeded page lists the fan-out by name");
        var jobId = JobIdNear(succeeded, name);
        var details = await dashboard.PageAsync($"/jobs/details/{jobId}");
        Assert.Contains(name, details);
        Assert.Contains("&quot;Followers&quot;:1", details.Replace("\"", "&quot;"));

        var durations = await dashboard.PageAsync(JobDurationsRoute);
        Assert.Contains("""<tr data-job-type="FeedFanOutJob">""", durations);
        Assert.Contains("""<a href="/admin/jobs/durations" """.TrimEnd(), await dashboard.PageAsync(""));
        Assert.Contains("node-0", await dashboard.PageAsync("/servers"));
    }

    [Fact]
    public async Task A_failing_job_is_retried_then_failed_with_its_exception_and_a_retry_from_the_dashboard_runs_it_again()
    {
        var admin = await TestUser.AdminAsync(api);
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);
        var input = $"failing-{Guid.NewGuid():N}";

        var jobId = api.EnqueueFailingProbe(input);

        await api.WaitUntilFailedAsync(jobId, "the probe failed on its retry too");
        var history = api.JobDetails(jobId).History;
        Assert.Equal(2, history.Count(h => h.StateName == ProcessingState.StateName));
        Assert.Contains(history, h => h.StateName == ScheduledState.StateName && h.Reason.Contains("Retry attempt 1 of 1"));
        Assert.Equal($"probe failure: {input}", history[0].Data["ExceptionMessage"]);
        Assert.Contains($"probe failure: {input}", await dashboard.PageAsync("/jobs/failed"));
        Assert.Equal(2, FailingProbeJob.Runs[input]);

        // Hangfire's "Requeue" button, without and then with the antiforgery token its pages carry.
        Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.PostAsync("/jobs/failed/requeue", [new("jobs[]", jobId)], withAntiforgeryToken: false)).StatusCode);
        await ApiAssert.StatusAsync(await dashboard.PostAsync("/jobs/failed/requeue", [new("jobs[]", jobId)]), 204);

        await Eventually.UntilAsync(() => Task.FromResult(FailingProbeJob.Runs[input] >= 3), "the requeued probe ran again");
        await api.WaitUntilFailedAsync(jobId, "the requeued probe failed again, after its retry");
    }

    [Fact]
    public async Task Triggering_a_recurring_job_from_the_dashboard_runs_it_now()
    {
        var admin = await TestUser.AdminAsync(api);
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);
        var recurring = await dashboard.PageAsync("/recurring");
        Assert.Contains("feed-trim", recurring);
        Assert.Contains("0 * * * *", recurring);
        Assert.Contains("30 * * * *", recurring);

        await ApiAssert.StatusAsync(await dashboard.PostAsync("/recurring/trigger", [new("jobs[]", "media-cleanup")]), 204);

        await Eventually.UntilAsync(async () => (await dashboard.PageAsync("/jobs/succeeded")).Contains("MediaCleanupJob"),
            "the triggered media cleanup succeeded");
    }

    [Fact]
    public async Task A_running_job_is_listed_as_processing_on_this_node_until_it_finishes()
    {
        var admin = await TestUser.AdminAsync(api);
        using var dashboard = new JobsDashboardClient(api, admin.AccessToken);
        var input = $"blocking-{Guid.NewGuid():N}";

        api.EnqueueBlockingProbe(input);

        string processing = "";
        await Eventually.UntilAsync(async () => (processing = await dashboard.PageAsync("/jobs/processing")).Contains($"Blocking probe {input}"),
            "the probe is processing");
        Assert.Contains("node-0", processing);

        BlockingProbeJob.Release(input);

        await Eventually.UntilAsync(async () => (await dashboard.PageAsync("/jobs/succeeded")).Contains($"Blocking probe {input}"),
            "the released probe succeeded");
    }

    private const string JobDurationsRoute = "/durations";
    private const string SessionEndpoint = "/api/admin/jobs-dashboard/session";

    /// <summary>The id of the job whose row shows <paramref name="name"/>: the row's link to the job's details page precedes it.</summary>
    private static string JobIdNear(string page, string name)
    {
        var before = page[..page.IndexOf(name, StringComparison.Ordinal)];
        var link = before.LastIndexOf("/admin/jobs/jobs/details/", StringComparison.Ordinal);
        return new string(before[(link + "/admin/jobs/jobs/details/".Length)..].TakeWhile(char.IsAsciiDigit).ToArray());
    }
}
