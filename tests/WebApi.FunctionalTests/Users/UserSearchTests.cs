using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;
using Npgsql;

namespace CleanBackend.WebApi.FunctionalTests.Users;

/// <summary>GET /api/users?query=: prefix search on userName and displayName, on each database provider.</summary>
public abstract class UserSearchTests(ApiFactory api)
{
    private readonly HttpClient _anonymous = api.CreateHttpClient();

    protected ApiFactory Api => api;

    /// <summary>A prefix no other test's user has: every search below sees only this test's users.</summary>
    private readonly string _tag = "q" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Finds_userName_and_displayName_prefixes_in_any_case_userName_matches_first_each_user_once()
    {
        var both = await SignUpAsync($"{_tag}_a", $"{_tag.ToUpperInvariant()} Alpha");
        var byUserName = await SignUpAsync($"{_tag}_b", "Bea");
        var byDisplayName = await SignUpAsync($"x{_tag}", $"{_tag.ToUpperInvariant()}mann");
        await SignUpAsync($"y{_tag}", $"Erik {_tag}");

        Assert.Equal([both, byUserName, byDisplayName], await SearchAllAsync(_tag.ToUpperInvariant(), 100));
        Assert.Equal([both, byUserName], await SearchAllAsync($"@{_tag}_", 100));
        Assert.Equal([byDisplayName], await SearchAllAsync($"{_tag}M", 100));
        Assert.Empty(await SearchAllAsync($"{_tag}zz", 100));
    }

    [Fact]
    public async Task Paging_walks_both_kinds_of_match_without_duplicates_or_gaps()
    {
        var expected = new List<string>();
        for (var i = 0; i < 5; i++) expected.Add(await SignUpAsync($"{_tag}_{i}", $"User {i}"));
        // Equal display names: the cursor orders them by id as well.
        for (var i = 0; i < 4; i++) expected.Add(await SignUpAsync($"dn{i}_{_tag[1..]}", $"{_tag} Same"));

        foreach (var limit in new[] { 1, 2, 4, 5, 9 })
            Assert.Equal(expected, await SearchAllAsync(_tag, limit));

        var anonymousPage = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/users?query={_tag}&limit=9");
        Assert.Equal(JsonValueKind.Null, anonymousPage.GetProperty("nextCursor").ValueKind);
        var first = anonymousPage.GetProperty("items")[0];
        Assert.Equal(expected[0], first.GetProperty("userName").GetString());
        Assert.Equal("User 0", first.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.String, first.GetProperty("id").ValueKind);
    }

    [Theory]
    [InlineData("", "query")]
    [InlineData("?query=", "query")]
    [InlineData("?query=%20%20", "query")]
    [InlineData("?query=%40", "query")]
    [InlineData("?query=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "query")]
    [InlineData("?query=al&limit=0", "limit")]
    [InlineData("?query=al&limit=101", "limit")]
    [InlineData("?query=al&limit=ten", "limit")]
    [InlineData("?query=al&cursor=not-a-cursor", "cursor")]
    [InlineData("?query=al&cursor=MTIzNDU2Nzg", "cursor")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string queryString, string field)
    {
        var response = await _anonymous.GetAsync($"/api/users{queryString}");

        await ApiAssert.ValidationProblemAsync(response, field);
    }

    private async Task<string> SignUpAsync(string userName, string displayName)
    {
        var user = await TestUser.CreateAsync(api, userName);
        await ApiAssert.StatusAsync(await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName, bio = (string?)null }), 200);
        return userName;
    }

    /// <summary>Every userName the search lists, following nextCursor page by page.</summary>
    private async Task<List<string>> SearchAllAsync(string query, int limit)
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var path = $"/api/users?query={Uri.EscapeDataString(query)}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await _anonymous.GetFromJsonAsync<JsonElement>(path);
            var items = page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()!).ToList();
            Assert.True(items.Count <= limit);
            names.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(cursor is null || items.Count == limit, "only the last page may be short");
        }
        while (cursor is not null);
        return names;
    }
}

public sealed class UserSearchOnPostgresTests(ApiFactory postgresApi) : UserSearchTests(postgresApi), IClassFixture<ApiFactory>
{
    /// <summary>
    /// The search's two range scans, read from their indexes in order (no sort, no full scan), whatever the
    /// database's default collation: what keeps a page fast at a million users.
    /// </summary>
    [Theory]
    [InlineData("UserName", "IX_Users_UserName")]
    [InlineData("NormalizedDisplayName", "IX_Users_NormalizedDisplayName_Id")]
    public async Task A_prefix_range_is_read_from_its_index_in_order(string column, string index)
    {
        await using var connection = new NpgsqlConnection(Api.Database!.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off; SET enable_bitmapscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand(
            $"""EXPLAIN SELECT "Id", "UserName", "DisplayName" FROM "Users" WHERE "{column}" >= @from AND "{column}" < @to ORDER BY "{column}" LIMIT 21""", connection);
        explain.Parameters.AddWithValue("from", "al");
        explain.Parameters.AddWithValue("to", "al\U0010FFFF");

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains($"Index Scan using \"{index}\""));
        Assert.DoesNotContain(plan, line => line.Contains("Sort") || line.Contains("Seq Scan"));
    }
}

public sealed class UserSearchOnSqliteTests(SqliteApiFactory api) : UserSearchTests(api), IClassFixture<SqliteApiFactory>;
