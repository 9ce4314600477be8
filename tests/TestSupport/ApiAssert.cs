using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CleanBackend.TestSupport;

public static class ApiAssert
{
    /// <summary>Asserts the status; on a mismatch the failure message shows the body, which usually says why.</summary>
    public static async Task StatusAsync(HttpResponseMessage response, int expected)
    {
        if ((int)response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"Expected {expected} but got {(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
    }

    /// <summary>An RFC 9457 problem with this status and a traceId; returns the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        await StatusAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>A 400 validation problem naming each of <paramref name="fields"/> (camelCase, as the JSON uses).</summary>
    public static async Task<JsonElement> ValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
            Assert.True(messages.GetArrayLength() > 0);
        }
        return problem;
    }
}
