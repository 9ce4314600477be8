using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Media;

namespace CleanBackend.Application.UnitTests.Media;

public sealed class SizeLimitedReadStreamTests
{
    [Fact]
    public async Task Reading_exactly_the_limit_passes_every_byte_through()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var limited = new SizeLimitedReadStream(new MemoryStream(bytes), maxBytes: 1000, "too large");

        var copy = new MemoryStream();
        await limited.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(1000, limited.BytesRead);
    }

    [Fact]
    public async Task One_byte_over_the_limit_throws_payload_too_large_with_the_message()
    {
        var limited = new SizeLimitedReadStream(new MemoryStream(new byte[1001]), maxBytes: 1000, "at most 1000 bytes");

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => limited.CopyToAsync(Stream.Null));

        Assert.Equal("at most 1000 bytes", error.Message);
    }
}
