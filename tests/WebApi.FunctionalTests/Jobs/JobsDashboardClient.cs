using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Jobs;

/// <summary>
/// Hangfire's dashboard at /admin/jobs over real HTTP, as a script would use it: the access token in the Authorization
/// header, cookies kept (the antiforgery cookie), POSTs with the antiforgery token the pages carry.
/// </summary>
public sealed class JobsDashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public JobsDashboardClient(ApiFactory api, string? accessToken)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = api.ServerAddress };
        if (accessToken is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public Task<HttpResponseMessage> GetAsync(string page) => _http.GetAsync("/admin/jobs" + page);

    /// <summary>The page's HTML, after asserting a 200.</summary>
    public async Task<string> PageAsync(string page)
    {
        var response = await GetAsync(page);
        await ApiAssert.StatusAsync(response, 200);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a dashboard form the way its buttons do, with the antiforgery token of a page it got first.</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> form, bool withAntiforgeryToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs" + action) { Content = new FormUrlEncodedContent(form) };
        if (withAntiforgeryToken)
        {
            var page = await PageAsync("");
            request.Headers.Add(Meta(page, "csrf-header"), Meta(page, "csrf-token"));
        }
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private static string Meta(string page, string name)
    {
        var match = Regex.Match(page, $"""<meta name="{Regex.Escape(name)}" content="(?<content>[^"]*)" """.TrimEnd());
        Assert.True(match.Success, $"The dashboard page has no <meta name=\"{name}\">.");
        return WebUtility.HtmlDecode(match.Groups["content"].Value);
    }
}
