using System.Text.Json;
using CleanBackend.TestSupport;

namespace CleanBackend.WebApi.FunctionalTests.Social;

public sealed class FollowTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Follow_twice_creates_one_follow_and_one_UserFollowed_event()
    {
        var follower = await TestUser.CreateAsync(api);
        var followee = await TestUser.CreateAsync(api);

        await follower.FollowAsync(followee);
        await follower.FollowAsync(followee);

        Assert.Equal([follower.Id], await follower.AllIdsAsync($"/api/users/{followee.UserName}/followers"));
        Assert.Equal([followee.Id], await follower.AllIdsAsync($"/api/users/{follower.UserName}/following"));
        Assert.Equal(1L, await api.OutboxCountAsync("UserFollowed", follower.Id));
    }

    [Fact]
    public async Task Concurrent_follows_of_the_same_user_create_one_follow()
    {
        var follower = await TestUser.CreateAsync(api);
        var followee = await TestUser.CreateAsync(api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => follower.Client.PutAsync($"/api/users/{followee.UserName}/follow", null)));

        Assert.All(responses, r => Assert.Equal(204, (int)r.StatusCode));
        Assert.Equal(1L, await api.OutboxCountAsync("UserFollowed", follower.Id));
    }

    [Fact]
    public async Task Unfollow_twice_removes_the_follow_and_raises_one_UserUnfollowed_event()
    {
        var follower = await TestUser.CreateAsync(api);
        var followee = await TestUser.CreateAsync(api);
        await follower.FollowAsync(followee);

        await follower.UnfollowAsync(followee);
        await follower.UnfollowAsync(followee);

        Assert.Empty(await follower.AllIdsAsync($"/api/users/{followee.UserName}/followers"));
        Assert.Equal(1L, await api.OutboxCountAsync("UserUnfollowed", follower.Id));
    }

    [Fact]
    public async Task Following_or_unfollowing_yourself_is_400_and_an_unknown_user_is_404()
    {
        var user = await TestUser.CreateAsync(api);

        await ApiAssert.ValidationProblemAsync(await user.Client.PutAsync($"/api/users/{user.UserName}/follow", null), "userName");
        await ApiAssert.ValidationProblemAsync(await user.Client.DeleteAsync($"/api/users/{user.UserName}/follow"), "userName");
        await ApiAssert.ProblemAsync(await user.Client.PutAsync("/api/users/nobody_at_all/follow", null), 404);
        await ApiAssert.ProblemAsync(await user.Client.DeleteAsync("/api/users/nobody_at_all/follow"), 404);
        await ApiAssert.ProblemAsync(await user.Client.GetAsync("/api/users/nobody_at_all/followers"), 404);
    }

    [Fact]
    public async Task Follower_lists_page_most_recent_first_without_gaps_or_repeats()
    {
        var followee = await TestUser.CreateAsync(api);
        var followers = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var follower = await TestUser.CreateAsync(api);
            await follower.FollowAsync(followee);
            followers.Add(follower);
        }

        var page = await followee.GetJsonAsync($"/api/users/{followee.UserName}/followers?limit=2");
        var first = page.GetProperty("items")[0];
        Assert.Equal(["displayName", "id", "userName"], first.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.String, page.GetProperty("nextCursor").ValueKind);

        var listed = await followee.AllIdsAsync($"/api/users/{followee.UserName}/followers", pageSize: 2);
        Assert.Equal(followers.Select(f => f.Id).Reverse(), listed);
    }

    [Fact]
    public async Task Following_needs_a_signed_in_user()
    {
        var followee = await TestUser.CreateAsync(api);
        await ApiAssert.ProblemAsync(await api.CreateHttpClient().PutAsync($"/api/users/{followee.UserName}/follow", null), 401);
    }
}
