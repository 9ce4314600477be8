using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

/// <summary>The post JSON contract: the same fields in every response that carries a post.</summary>
public static class PostShape
{
    private static readonly string[] Fields =
        ["id", "author", "text", "media", "createdAt", "editedAt", "likeCount", "commentCount", "likedByMe"];

    public static void AssertIsPost(JsonElement post, TestUser author, string text)
    {
        Assert.Equal(Fields.Order(), post.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.String, post.GetProperty("id").ValueKind);
        var by = post.GetProperty("author");
        Assert.Equal(["displayName", "id", "userName"], by.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(author.Id.ToString(), by.GetProperty("id").GetString());
        Assert.Equal(author.UserName, by.GetProperty("userName").GetString());
        Assert.Equal(text, post.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Array, post.GetProperty("media").ValueKind);
        Assert.True(post.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(JsonValueKind.Number, post.GetProperty("likeCount").ValueKind);
        Assert.Equal(JsonValueKind.Number, post.GetProperty("commentCount").ValueKind);
    }
}
