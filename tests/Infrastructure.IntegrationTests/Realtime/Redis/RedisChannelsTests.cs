using CleanBackend.Infrastructure.Realtime.Redis;
using StackExchange.Redis;

namespace CleanBackend.Infrastructure.IntegrationTests.Realtime.Redis;

public sealed class RedisChannelsTests
{
    private readonly RedisChannels _channels = new("acme", "CleanBackend.Realtime.RealtimeHub");

    [Fact]
    public void Channel_names_carry_the_prefix_the_hub_the_kind_and_the_name()
    {
        Assert.Equal("acme:CleanBackend.Realtime.RealtimeHub:all", Name(_channels.All));
        Assert.Equal("acme:CleanBackend.Realtime.RealtimeHub:group-management", Name(_channels.GroupManagement));
        Assert.Equal("acme:CleanBackend.Realtime.RealtimeHub:connection:abc", Name(_channels.Connection("abc")));
        Assert.Equal("acme:CleanBackend.Realtime.RealtimeHub:group:room:1", Name(_channels.Group("room:1")));
        Assert.Equal("acme:CleanBackend.Realtime.RealtimeHub:user:42", Name(_channels.User("42")));
        Assert.Equal("acme:CleanBackend.Realtime.RealtimeHub:ack:node-a", Name(_channels.Ack("node-a")));
    }

    [Fact]
    public void Kinds_never_collide_even_when_a_name_looks_like_another_kind()
    {
        var names = new[] { _channels.Group("42"), _channels.User("42"), _channels.Connection("42"), _channels.Group("user:42") }.Select(Name);

        Assert.Equal(4, names.Distinct().Count());
    }

    [Fact]
    public void Deployments_with_different_prefixes_use_different_channels()
    {
        var other = new RedisChannels("staging", "CleanBackend.Realtime.RealtimeHub");

        Assert.NotEqual(Name(_channels.All), Name(other.All));
        Assert.NotEqual(Name(_channels.Group("g")), Name(other.Group("g")));
    }

    [Fact]
    public void A_group_name_with_glob_characters_stays_a_literal_channel()
    {
        // An auto-mode channel containing '*' would become a PSUBSCRIBE pattern and receive other groups' messages.
        Assert.Equal(new RedisChannel("acme:CleanBackend.Realtime.RealtimeHub:group:room*", RedisChannel.PatternMode.Literal), _channels.Group("room*"));
        Assert.NotEqual(new RedisChannel("acme:CleanBackend.Realtime.RealtimeHub:group:room*", RedisChannel.PatternMode.Pattern), _channels.Group("room*"));
    }

    private static string Name(RedisChannel channel) => (string)channel!;
}
