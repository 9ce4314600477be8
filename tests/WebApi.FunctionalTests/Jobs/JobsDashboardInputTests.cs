using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>Who may use the jobs dashboard's endpoints, and what they answer to bad input.</summary>
public sealed class JobsDashboardInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static readonly TheoryData<string, string> Endpoints = new()
    {
        { "GET", "/api/admin/jobs/overview" },
        { "GET", "/api/admin/jobs/statistics" },
        { "GET", "/api/admin/jobs/nodes" },
        { "GET", "/api/admin/jobs/executing" },
        { "GET", "/api/admin/jobs/types" },
        { "GET", "/api/admin/jobs/recurring" },
        { "GET", "/api/admin/jobs/history" },
        { "POST", "/api/admin/jobs/recurring/feed-trim/trigger" },
        { "POST", "/api/admin/jobs/recurring/feed-trim/pause" },
        { "POST", "/api/admin/jobs/recurring/feed-trim/resume" },
        { "POST", "/api/admin/jobs/history/0123456789abcdef/retry" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_user_who_is_not_an_admin_gets_403_ProblemDetails(string method, string path)
    {
        var user = await TestUser.CreateAsync(api);

        var problem = await ApiAssert.ProblemAsync(await user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), 403);

        Assert.Equal("Forbidden", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Nobody_signed_in_gets_401(string method, string path)
    {
        var response = await api.CreateHttpClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ApiAssert.ProblemAsync(response, 401);
    }

    [Theory]
    [InlineData("overview?hours=0", "hours")]
    [InlineData("overview?hours=169", "hours")]
    [InlineData("overview?hours=many", "hours")]
    [InlineData("statistics?hours=0", "hours")]
    [InlineData("statistics?bucketMinutes=0", "bucketMinutes")]
    [InlineData("statistics?bucketMinutes=1441", "bucketMinutes")]
    [InlineData("statistics?hours=168&bucketMinutes=1", "bucketMinutes")]
    [InlineData("history?limit=0", "limit")]
    [InlineData("history?limit=101", "limit")]
    [InlineData("history?result=won", "result")]
    [InlineData("history?cursor=not-a-cursor", "cursor")]
    [InlineData("history?cursor=AAAAAAAAAAAAAAAA", "cursor")]
    public async Task Bad_query_values_are_400_with_the_field_named(string pathAndQuery, string field)
    {
        var admin = await TestUser.AdminAsync(api);

        await ApiAssert.ValidationProblemAsync(await admin.Client.GetAsync($"/api/admin/jobs/{pathAndQuery}"), field);
    }

    [Theory]
    [InlineData("recurring/Feed_Trim/trigger", "name")]
    [InlineData("recurring/feed--trim/pause", "name")]
    [InlineData("history/not%20an%20id/retry", "runId")]
    public async Task Malformed_names_and_run_ids_are_400(string path, string field)
    {
        var admin = await TestUser.AdminAsync(api);

        await ApiAssert.ValidationProblemAsync(await admin.Client.PostAsync($"/api/admin/jobs/{path}", null), field);
    }

    [Theory]
    [InlineData("recurring/no-such-job/trigger")]
    [InlineData("recurring/no-such-job/pause")]
    [InlineData("recurring/no-such-job/resume")]
    [InlineData("history/0123456789abcdef0123456789abcdef/retry")]
    public async Task Unknown_recurring_jobs_and_runs_are_404(string path)
    {
        var admin = await TestUser.AdminAsync(api);

        await ApiAssert.ProblemAsync(await admin.Client.PostAsync($"/api/admin/jobs/{path}", null), 404);
    }

    [Fact]
    public async Task Retrying_a_run_that_succeeded_is_409()
    {
        var admin = await TestUser.AdminAsync(api);
        await admin.PostAsync("recurring/feed-trim/trigger", 202);
        var run = await admin.RunEventuallyAsync(r => r.Text("job") == "feed-trim", "the triggered run is recorded");

        await ApiAssert.ProblemAsync(await admin.Client.PostAsync($"/api/admin/jobs/history/{run.Text("id")}/retry", null), 409);
    }

    [Fact]
    public async Task A_job_filter_naming_no_job_lists_nothing()
    {
        var admin = await TestUser.AdminAsync(api);

        Assert.Empty(await admin.HistoryAsync("&job=NoSuchJob"));
    }
}
