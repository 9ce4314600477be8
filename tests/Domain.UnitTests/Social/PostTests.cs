using CleanBackend.Domain.Common;
using CleanBackend.Domain.Social;

namespace CleanBackend.Domain.UnitTests.Social;

public sealed class PostTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Publishing_trims_the_text_and_raises_PostPublished_and_a_mention_per_other_user()
    {
        var post = new Post(1, authorId: 10, "  hello  ", mentionedUserIds: [20, 10, 20, 30], Now);

        Assert.Equal("hello", post.Text);
        Assert.Equal(
            [new PostPublished(1, 10), new UserMentioned(1, 10, 20), new UserMentioned(1, 10, 30)],
            post.DomainEvents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    public void Text_that_is_empty_after_trimming_breaks_the_text_rule(string text)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Post(1, 10, text, [], Now));
        Assert.Equal("text", error.Field);
    }

    [Fact]
    public void Text_may_be_500_characters_but_not_501()
    {
        Assert.Equal(500, new Post(1, 10, new string('x', 500), [], Now).Text.Length);
        Assert.Throws<DomainRuleException>(() => new Post(1, 10, new string('x', 501), [], Now));
    }

    [Fact]
    public void Editing_sets_editedAt_and_mentions_only_the_users_given()
    {
        var post = new Post(1, 10, "before", [], Now);
        post.ClearDomainEvents();

        post.Edit("after @someone", [40], Now.AddMinutes(1));

        Assert.Equal("after @someone", post.Text);
        Assert.Equal(Now.AddMinutes(1), post.EditedAt);
        Assert.Equal([new UserMentioned(1, 10, 40)], post.DomainEvents);
    }

    [Fact]
    public void Likes_deletion_and_comments_raise_their_events_with_the_post_author()
    {
        var post = new Post(1, 10, "text", [], Now);
        post.ClearDomainEvents();

        post.RecordLike(50);
        var comment = post.AddComment(2, 60, " a comment ", Now);
        post.Delete();

        Assert.Equal("a comment", comment.Text);
        Assert.Equal(1, comment.PostId);
        Assert.Equal([new PostLiked(1, 10, 50), new PostCommented(1, 10, 2, 60), new PostDeleted(1, 10)], post.DomainEvents);
    }
}
