using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CleanBackend.WebApi.Uploads;

/// <summary>
/// Reads a multipart/form-data request that must carry exactly one part, with a given name, as a stream: nothing is
/// buffered beyond what the multipart parser needs to find boundaries.
/// </summary>
/// <remarks>
/// The body limit is enforced here rather than by Kestrel's MaxRequestBodySize. When Kestrel's own limit trips, it
/// stops reading and closes the connection after the response: a client still sending its body (HttpClient, browsers,
/// curl) gets a broken pipe or a reset instead of the 413 (dotnet/aspnetcore#23840, dotnet/runtime#69048). Refusing
/// the request ourselves leaves the connection healthy, and Kestrel then drains the unread body (for at most
/// 5 seconds, its fixed drain timeout) before the client reads the JSON 413. So Kestrel's limit is lifted for the
/// request, or it would cut the drain short all the same.
/// </remarks>
public static class SingleFileUpload
{
    // RFC 2046 caps boundaries at 70 characters.
    private const int MaxBoundaryLength = 70;

    /// <summary>
    /// The part's content. Problems with the request's shape are reported against <paramref name="partName"/>:
    /// not multipart/form-data -> <see cref="UnsupportedMediaTypeException"/> (415, as for a JSON endpoint sent
    /// something else); no boundary, no part, another part name, more parts or a malformed body -> 400.
    /// </summary>
    public static async Task<Stream> OpenAsync(HttpRequest request, string partName, long maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = null;
        var tooLarge = $"The request body can be at most {maxBodyBytes} bytes: the file's limit plus room for the multipart framing.";
        if (request.ContentLength > maxBodyBytes) throw new PayloadTooLargeException(tooLarge);

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException($"Send the file as multipart/form-data, in a part named '{partName}'.");

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
            throw new ValidationException(partName, $"The multipart/form-data content type needs a boundary of 1-{MaxBoundaryLength} characters.");

        var reader = new MultipartReader(boundary, new SizeLimitedReadStream(request.Body, maxBodyBytes, tooLarge));
        var section = await SinglePartStream.GuardAsync(partName, () => reader.ReadNextSectionAsync(cancellationToken));
        if (section is null || !IsNamed(section, partName))
            throw new ValidationException(partName, SinglePartStream.ExactlyOnePart(partName));

        return new SinglePartStream(section.Body, reader, partName);
    }

    private static bool IsNamed(MultipartSection section, string partName) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
        && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(partName, StringComparison.Ordinal);
}
