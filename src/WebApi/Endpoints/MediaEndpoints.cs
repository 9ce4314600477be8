using System.ComponentModel.DataAnnotations;
using CleanBackend.Application.Media;
using CleanBackend.Domain.Media;
using CleanBackend.WebApi.Uploads;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CleanBackend.WebApi.Endpoints;

public static class MediaEndpoints
{
    /// <summary>The file's limit plus room for the multipart framing (boundaries, part headers).</summary>
    public const long MaxUploadBodyBytes = MediaFile.MaxSizeBytes + 64 * 1024;

    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/media", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var file = await SingleFileUpload.OpenAsync(request, "file", MaxUploadBodyBytes, ct);
                var media = await mediator.Send(new UploadMediaCommand(file), ct);
                return TypedResults.Created(media.Url, media);
            })
            .WithTags("Media")
            .WithName("uploadMedia")
            .WithSummary("Upload an image (JPEG, PNG, GIF or WebP, at most 4 MB) as the multipart/form-data part 'file'")
            .WithDescription("The type is recognised from the content; the part's file name and declared type are ignored. "
                + "413 when the file is over 4 MB or the body over the limit; 415 when the content is not one of the four "
                + "formats or the body is not multipart/form-data; 400 (field 'file') when the part is missing, empty, "
                + "named otherwise or not alone, or the multipart body is malformed.")
            // SingleFileUpload enforces MaxUploadBodyBytes itself so that the 413 reaches the client (see there); lifting
            // Kestrel's limit from routing on also lets a 401 drain a large body instead of resetting the connection.
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .Accepts<MediaUploadForm>("multipart/form-data")
            // Checked before the body is read, so an anonymous client can't make the server read megabytes.
            .RequiresUser()
            .WithProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        app.MapGet("/media/{key}", async (string key, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var media = await mediator.Send(new GetMediaContentQuery(key), ct);
                // A key never changes content, so caches may keep the file forever; nosniff keeps browsers to the type we sniffed.
                response.Headers.CacheControl = "public, max-age=31536000, immutable";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Stream(media.Content, media.ContentType,
                    entityTag: new EntityTagHeaderValue($"\"{key}\""), enableRangeProcessing: true);
            })
            .WithTags("Media")
            .WithName("getMediaContent")
            .WithSummary("The bytes of an uploaded image, cacheable forever")
            .Produces(StatusCodes.Status200OK, responseType: null, ImageSniffer.Jpeg, ImageSniffer.Png, ImageSniffer.Gif, ImageSniffer.WebP)
            .WithProblems(StatusCodes.Status404NotFound);
    }
}

/// <summary>The upload request's shape, for the API description only: the endpoint streams the part itself.</summary>
public sealed record MediaUploadForm([property: Required] IFormFile File);
