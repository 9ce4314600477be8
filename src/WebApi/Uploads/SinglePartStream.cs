using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Media;
using Microsoft.AspNetCore.WebUtilities;

namespace CleanBackend.WebApi.Uploads;

/// <summary>
/// The content of the one expected part. At its end it checks that no other part follows, so a consumer that reads to
/// the end (and stores nothing unless it got there) never accepts a request with extra parts. A malformed multipart
/// body surfaces as a 400 against the part's field instead of an I/O error.
/// </summary>
internal sealed class SinglePartStream(Stream part, MultipartReader reader, string partName) : ForwardReadStream
{
    private bool _restChecked;

    public static string ExactlyOnePart(string partName) => $"Send exactly one multipart part, named '{partName}'.";

    public override int Read(Span<byte> buffer) => throw new NotSupportedException("The request body is read asynchronously only.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await GuardAsync(partName, () => part.ReadAsync(buffer, cancellationToken).AsTask());
        if (read == 0 && buffer.Length > 0 && !_restChecked)
        {
            _restChecked = true;
            if (await GuardAsync(partName, () => reader.ReadNextSectionAsync(cancellationToken)) is not null)
                throw new ValidationException(partName, ExactlyOnePart(partName));
        }

        return read;
    }

    /// <summary>
    /// The multipart parser reports a missing or broken boundary as a plain IOException and oversized headers as
    /// InvalidDataException. Subclasses of IOException (the server's own 400/413 BadHttpRequestException, a reset
    /// connection) are passed on untouched.
    /// </summary>
    public static async Task<T> GuardAsync<T>(string partName, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is InvalidDataException || ex.GetType() == typeof(IOException))
        {
            throw new ValidationException(partName, "The multipart/form-data body is malformed or incomplete.");
        }
    }
}
