using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.EndToEnd.Tests;

/// <summary>
/// The OpenAPI document as an SPA team uses it, taken from a real Kestrel server: it passes redocly's recommended
/// lint, and a client generated from it (openapi-typescript + openapi-fetch, tests/EndToEnd/openapi) compiles with
/// tsc --strict and works against the server. The generated types are never committed: a contract change that
/// breaks clients breaks this test.
/// </summary>
public sealed partial class OpenApiContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Package = "openapi";
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_document_passes_redocly_lint_with_the_recommended_rules_without_a_warning()
    {
        var document = await SaveDocumentAsync();

        var run = await NodeScript.RunAsync(Package, "node_modules/@redocly/cli/bin/cli.js",
            ["lint", document, "--config", "redocly.yaml", "--format", "json"], NodeTimeout);

        using var report = JsonDocument.Parse(JsonStart(run.Output));
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} "
                + $"at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_client_generated_from_the_document_compiles_strictly_and_registers_logs_in_posts_follows_and_reads_the_feed()
    {
        var document = await SaveDocumentAsync();

        await RunStepAsync("node_modules/openapi-typescript/bin/cli.js", [document, "--output", "generated/api.d.ts"]);
        await RunStepAsync("node_modules/typescript/bin/tsc", ["--project", "tsconfig.json"]);
        var run = await RunStepAsync("dist/client-journey.js", [api.ServerAddress.ToString().TrimEnd('/')]);

        Assert.Equal(
        [
            "registered and logged in",
            "posted \"hello from a generated client\" as alice",
            "bob follows alice",
            "feed shows \"hello from a generated client\" by alice",
            "blank post refused: text",
            "done",
        ], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => UserNameSuffix().Replace(line, "")));
    }

    private async Task<NodeScript.Result> RunStepAsync(string script, string[] arguments)
    {
        var run = await NodeScript.RunAsync(Package, script, arguments, NodeTimeout);
        Assert.True(run.ExitCode == 0, $"{script} exited with {run.ExitCode}. Output: {run.Output} Errors: {run.Errors}");
        return run;
    }

    /// <summary>The document the server serves, in a temp file (both tools read files).</summary>
    private async Task<string> SaveDocumentAsync()
    {
        using var response = await api.CreateHttpClient().GetAsync("/swagger/v1/swagger.json");
        await ApiAssert.StatusAsync(response, 200);
        var path = Path.Combine(Directory.CreateTempSubdirectory("cleanbackend-openapi-").FullName, "openapi.json");
        await File.WriteAllTextAsync(path, await response.Content.ReadAsStringAsync());
        return path;
    }

    /// <summary>redocly prints a notice box (e.g. about the node version) before its JSON report.</summary>
    private static string JsonStart(string output) =>
        output.IndexOf('{') is var start and >= 0 ? output[start..] : throw new InvalidOperationException($"No JSON report in: {output}");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\b(alice|bob))_[a-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex UserNameSuffix();
}
