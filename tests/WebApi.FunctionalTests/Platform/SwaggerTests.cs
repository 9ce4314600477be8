using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

public sealed class SwaggerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_400_ProblemDetails_response()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0, $"{name} has no summary");
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var badRequest), $"{name} documents no 400");
            Assert.True(badRequest.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name}: 400 is not ProblemDetails");
        }
    }

    [Theory]
    [InlineData("/api/auth/refresh", "post")]
    [InlineData("/api/auth/logout", "post")]
    [InlineData("/api/users/me", "patch")]
    [InlineData("/api/users/me/password", "post")]
    public async Task Body_taking_operations_document_their_request_schema(string path, string method)
    {
        var document = await DocumentAsync();
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task The_document_declares_the_Bearer_http_scheme_as_a_global_requirement()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_swagger_ui_is_served_as_html()
    {
        var response = await api.CreateHttpClient().GetAsync("/swagger");

        await ApiAssert.StatusAsync(response, 200);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await api.CreateHttpClient().GetAsync("/swagger/v1/swagger.json");
        await ApiAssert.StatusAsync(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where HttpMethods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);
}
