using System.Net.Http.Headers;

namespace CleanBackend.TestSupport;

public static class BearerClients
{
    /// <summary>A client that sends this access token, e.g. one issued by a refresh or a second login.</summary>
    public static HttpClient CreateHttpClient(this ApiFactory api, string accessToken)
    {
        var client = api.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
