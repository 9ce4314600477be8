using CleanBackend.Domain.Social;

namespace CleanBackend.Domain.UnitTests.Social;

public sealed class MentionsTests
{
    [Theory]
    [InlineData("hi @Alice and @bob_2!", new[] { "alice", "bob_2" })]
    [InlineData("@alice @ALICE @alice", new[] { "alice" })]
    [InlineData("(@carol), @dave.", new[] { "carol", "dave" })]
    [InlineData("mail me at eve@example.com", new string[0])]
    [InlineData("@ab is too short, @@frank is not a mention", new string[0])]
    [InlineData("@this_name_is_far_too_long_to_be_a_user", new string[0])]
    public void Finds_distinct_lower_case_userNames_after_an_at_sign(string text, string[] expected) =>
        Assert.Equal(expected, Mentions.Find(text));
}
