using CleanBackend.Domain.Common;
using CleanBackend.Domain.Media;

namespace CleanBackend.Domain.UnitTests.Media;

public sealed class MediaFileTests
{
    private static MediaFile NewMedia() =>
        new(9, 42, "image/png", 1024, 640, 480, "2026/11/9.png", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void New_media_is_unused()
    {
        var media = NewMedia();

        Assert.False(media.IsUsed);
        Assert.Null(media.PostId);
    }

    [Fact]
    public void AttachTo_records_the_post_and_position()
    {
        var media = NewMedia();

        media.AttachTo(postId: 100, position: 2);

        Assert.True(media.IsUsed);
        Assert.Equal(100, media.PostId);
        Assert.Equal(2, media.Position);
    }

    [Fact]
    public void Attaching_used_media_again_breaks_a_domain_rule_on_mediaIds()
    {
        var media = NewMedia();
        media.AttachTo(postId: 100, position: 0);

        var error = Assert.Throws<DomainRuleException>(() => media.AttachTo(postId: 200, position: 1));

        Assert.Equal("mediaIds", error.Field);
        Assert.Contains("9", error.Message);
        Assert.Equal(100, media.PostId);
        Assert.Equal(0, media.Position);
    }
}
