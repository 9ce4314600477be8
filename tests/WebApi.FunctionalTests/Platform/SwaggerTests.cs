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
    public async Task Public_operations_say_security_none_and_every_other_one_requires_Bearer()
    {
        string[] publicOperations = ["registerUser", "logIn", "refreshTokens", "logOut", "getUserProfile", "getPost",
            "listComments", "getUserPosts", "listFollowers", "listFollowing", "getMediaContent", "searchUsers"];
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.False(document.TryGetProperty("security", out _), "no global requirement: each operation says its own");
        foreach (var (name, operation) in Operations(document))
        {
            var requirements = operation.GetProperty("security").EnumerateArray().ToList();
            if (publicOperations.Contains(operation.GetProperty("operationId").GetString()))
                Assert.True(requirements.Count == 0, $"{name} is public");
            else
                Assert.True(requirements.Single().TryGetProperty("Bearer", out _), $"{name} needs Bearer");
        }
    }

    [Fact]
    public async Task Every_operation_has_its_own_operationId_and_every_schema_a_plain_name()
    {
        var document = await DocumentAsync();

        var ids = Operations(document).Select(o => o.Operation.GetProperty("operationId").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("createPost", ids);
        Assert.Contains("getHomeFeed", ids);
        var schemaNames = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.All(schemaNames, name => Assert.Matches("^[A-Z][A-Za-z0-9]*$", name));
        Assert.Contains("PostDto", schemaNames);
        Assert.Contains("CursorPageOfPostDto", schemaNames);
    }

    [Fact]
    public async Task Request_schemas_show_the_validator_rules_and_lists_their_paging_bounds()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var register = schemas.GetProperty("RegisterUserRequest");
        Assert.Equal(["displayName", "email", "password", "userName"],
            register.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
        var userName = register.GetProperty("properties").GetProperty("userName");
        Assert.Equal(3, userName.GetProperty("minLength").GetInt32());
        Assert.Equal(30, userName.GetProperty("maxLength").GetInt32());
        Assert.Equal("^[A-Za-z0-9_]+$", userName.GetProperty("pattern").GetString());
        Assert.Equal("email", register.GetProperty("properties").GetProperty("email").GetProperty("format").GetString());
        Assert.False(schemas.GetProperty("CreateRoomRequest").GetProperty("required").EnumerateArray().Any(r => r.GetString() == "isPrivate"),
            "a missing isPrivate is accepted (false)");

        var limit = document.GetProperty("paths").GetProperty("/api/feed").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit").GetProperty("schema");
        Assert.Equal(1, limit.GetProperty("minimum").GetInt32());
        Assert.Equal(100, limit.GetProperty("maximum").GetInt32());

        var post = schemas.GetProperty("PostDto");
        Assert.Contains("editedAt", post.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("string", post.GetProperty("properties").GetProperty("id").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Every_operation_with_a_body_documents_413_and_415()
    {
        var document = await DocumentAsync();

        foreach (var (name, operation) in Operations(document).Where(o => o.Operation.TryGetProperty("requestBody", out _)))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("413", out _), $"{name} documents no 413");
            Assert.True(responses.TryGetProperty("415", out _), $"{name} documents no 415");
        }
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
