using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.FeedBench;

/// <summary>Access tokens for the read benchmark, got the way a client gets them: POST /api/auth/login.</summary>
public static class SignIn
{
    // Each sign-in hashes the password (PBKDF2): a few in parallel keep both cores busy without queueing long.
    private const int Parallel = 4;

    public static async Task<int> RunAsync(Uri api, string password, string userNamesFile, string tokensFile)
    {
        var userNames = File.ReadAllLines(userNamesFile).Where(l => l.Length > 0).ToArray();
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new string[userNames.Length];
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, userNames.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, ct) =>
            {
                using var response = await http.PostAsJsonAsync("/api/auth/login", new { login = userNames[i], password }, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"sign-in of {userNames[i]} answered {(int)response.StatusCode}: {body}");
                tokens[i] = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
            });
        await File.WriteAllLinesAsync(tokensFile, tokens);
        Console.WriteLine($"signed in {tokens.Length} users");
        return 0;
    }
}
