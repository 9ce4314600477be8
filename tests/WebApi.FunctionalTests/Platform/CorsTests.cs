using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

public sealed class SpaOriginApiFactory : ApiFactory
{
    public const string SpaOrigin = "https://app.example.test";

    public SpaOriginApiFactory() => Settings["Cors:AllowedOrigins:0"] = SpaOrigin;
}

public sealed class CorsTests(SpaOriginApiFactory api) : IClassFixture<SpaOriginApiFactory>
{
    [Fact]
    public async Task A_configured_origin_passes_the_preflight_on_api_paths()
    {
        var response = await api.CreateHttpClient().SendAsync(Preflight("/api/auth/login", SpaOriginApiFactory.SpaOrigin));

        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}");
        Assert.Equal(SpaOriginApiFactory.SpaOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task A_configured_origin_gets_the_allow_origin_header_on_an_actual_request()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/no_such_user");
        request.Headers.Add("Origin", SpaOriginApiFactory.SpaOrigin);

        var response = await api.CreateHttpClient().SendAsync(request);

        Assert.Equal(SpaOriginApiFactory.SpaOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Retry-After", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Theory]
    [InlineData("https://evil.example.test")]
    [InlineData("http://localhost:5173")]
    public async Task An_unlisted_origin_gets_no_allow_origin_header(string origin)
    {
        // Testing is not Development, so not even localhost origins are allowed without configuration.
        var response = await api.CreateHttpClient().SendAsync(Preflight("/api/auth/login", origin));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        return request;
    }
}
