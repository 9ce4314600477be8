using CleanBackend.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CleanBackend.Infrastructure.IntegrationTests.Identity;

public sealed class HubAccessTokenTests
{
    [Fact]
    public void The_token_is_taken_out_of_the_query_and_the_target_and_the_rest_of_the_query_stays()
    {
        var request = HubRequest("?id=conn%2B1&access_token=header.payload.signature");

        var token = HubAccessToken.TakeFromQuery(request);

        Assert.Equal("header.payload.signature", token);
        Assert.Equal("conn+1", request.Query["id"]);
        Assert.False(request.Query.ContainsKey("access_token"));
        Assert.Equal("?id=conn%2B1", request.QueryString.Value);
        Assert.Equal("/hubs/realtime?id=conn%2B1", request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?id=abc")]
    [InlineData("?access_token=")]
    public void Without_a_token_there_is_none_to_take(string queryString)
    {
        var request = HubRequest(queryString);

        Assert.Null(HubAccessToken.TakeFromQuery(request));
        Assert.False(request.Query.ContainsKey("access_token"));
    }

    private static HttpRequest HubRequest(string queryString)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/hubs/realtime";
        context.Request.QueryString = new QueryString(queryString);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = "/hubs/realtime" + queryString;
        return context.Request;
    }
}
