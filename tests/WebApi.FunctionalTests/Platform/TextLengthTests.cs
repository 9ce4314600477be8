using System.Net.Http.Json;
using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Platform;

/// <summary>
/// Lengths count what a person sees as characters, however many code points each takes, up to a raw bound of 10 code
/// points per character (so combining marks can't pile up without end); on each database provider, so what is
/// accepted is also what its columns store and give back.
/// </summary>
public abstract class TextLengthTests(ApiFactory api)
{
    public const string SkinTonedThumb = "👍🏽";  // 2 code points
    public const string Family = "👨‍👩‍👧‍👦";         // 7 code points joined by zero-width joiners

    /// <summary>"e" under 20 accents: one character of 21 code points, over the raw bound of 10 per character.</summary>
    private static readonly string Zalgo = "e" + new string('\u0301', 20);

    [Theory]
    [InlineData(SkinTonedThumb)]
    [InlineData(Family)]
    public async Task A_post_of_500_emoji_is_published_and_read_back_identical(string emoji)
    {
        var user = await TestUser.CreateAsync(api);
        var text = Repeat(emoji, 500);

        var created = await user.Client.PostAsJsonAsync("/api/posts", new { text });

        await ApiAssert.StatusAsync(created, 201);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var read = await api.CreateHttpClient().GetFromJsonAsync<JsonElement>($"/api/posts/{id}");
        Assert.Equal(text, read.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_post_of_501_emoji_is_a_field_error_that_counts_characters()
    {
        var user = await TestUser.CreateAsync(api);

        var created = await user.Client.PostAsJsonAsync("/api/posts", new { text = Repeat(SkinTonedThumb, 501) });

        Assert.Contains("You entered 501 characters", await FieldMessageAsync(created, "text"));
    }

    [Fact]
    public async Task A_post_within_500_characters_but_over_5000_code_points_is_a_field_error()
    {
        var user = await TestUser.CreateAsync(api);

        var created = await user.Client.PostAsJsonAsync("/api/posts", new { text = Repeat(Zalgo, 300) });

        Assert.Contains("at most 5000 code points", await FieldMessageAsync(created, "text"));
    }

    [Fact]
    public async Task A_comment_of_500_family_emoji_is_stored_whole_and_501_or_zalgo_are_field_errors()
    {
        var user = await TestUser.CreateAsync(api);
        var post = await user.Client.PostAsJsonAsync("/api/posts", new { text = "Say it with emoji" });
        var postId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var text = Repeat(Family, 500);

        await ApiAssert.StatusAsync(await user.Client.PostAsJsonAsync($"/api/posts/{postId}/comments", new { text }), 201);
        var tooLong = await user.Client.PostAsJsonAsync($"/api/posts/{postId}/comments", new { text = Repeat(Family, 501) });
        var zalgo = await user.Client.PostAsJsonAsync($"/api/posts/{postId}/comments", new { text = Repeat(Zalgo, 300) });

        var comments = await api.CreateHttpClient().GetFromJsonAsync<JsonElement>($"/api/posts/{postId}/comments");
        Assert.Equal(text, comments.GetProperty("items").EnumerateArray().Single().GetProperty("text").GetString());
        Assert.Contains("You entered 501 characters", await FieldMessageAsync(tooLong, "text"));
        Assert.Contains("at most 5000 code points", await FieldMessageAsync(zalgo, "text"));
    }

    [Fact]
    public async Task A_display_name_of_50_skin_toned_emoji_is_stored_whole_and_51_or_zalgo_are_field_errors()
    {
        // Not family emoji: names shown to others refuse the zero-width joiner that holds a family together.
        var user = await TestUser.CreateAsync(api);
        var displayName = Repeat(SkinTonedThumb, 50);

        await ApiAssert.StatusAsync(await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName }), 200);
        var tooLong = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = Repeat(SkinTonedThumb, 51) });
        var zalgo = await user.Client.PatchAsJsonAsync("/api/users/me", new { displayName = Repeat(Zalgo, 30) });

        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/users/me");
        Assert.Equal(displayName, me.GetProperty("displayName").GetString());
        Assert.Contains("You entered 51 characters", await FieldMessageAsync(tooLong, "displayName"));
        Assert.Contains("at most 500 code points", await FieldMessageAsync(zalgo, "displayName"));
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static async Task<string> FieldMessageAsync(HttpResponseMessage response, string field)
    {
        var problem = await ApiAssert.ValidationProblemAsync(response, field);
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }
}

public sealed class TextLengthOnPostgresTests(ApiFactory api) : TextLengthTests(api), IClassFixture<ApiFactory>;

public sealed class TextLengthOnSqliteTests(SqliteApiFactory api) : TextLengthTests(api), IClassFixture<SqliteApiFactory>;
