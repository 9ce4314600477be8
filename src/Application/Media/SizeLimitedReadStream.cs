using CleanBackend.Application.Common.Exceptions;

namespace CleanBackend.Application.Media;

/// <summary>
/// Passes reads through, counting bytes, and throws <see cref="PayloadTooLargeException"/> as soon as more than
/// <paramref name="maxBytes"/> have come: a limit checked while streaming, so oversized input is never held.
/// </summary>
public sealed class SizeLimitedReadStream(Stream inner, long maxBytes, string tooLargeMessage) : ForwardReadStream
{
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > maxBytes) throw new PayloadTooLargeException(tooLargeMessage);
        return read;
    }
}
