using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Security;
using CleanBackend.Domain.Media;
using MediatR;

namespace CleanBackend.Application.Media;

/// <summary>Stores one uploaded image for the caller. <see cref="File"/> is the file's bytes, read once, to the end.</summary>
/// <remarks>
/// Deliberately not an ICommand: a command's transaction would hold a database connection for as long as the client
/// takes to send the file. The bytes are stored first, then one row is inserted (a single atomic statement); when the
/// insert fails the stored file is deleted again.
/// </remarks>
[Authorize]
public sealed record UploadMediaCommand(Stream File) : IRequest<MediaDto>;

public sealed class UploadMediaHandler(IAppDbContext db, IMediaStorage storage, IIdGenerator ids, IClock clock, ICurrentUser caller)
    : IRequestHandler<UploadMediaCommand, MediaDto>
{
    private static readonly string TooLarge =
        $"An image can be at most {MediaFile.MaxSizeBytes / (1024 * 1024)} MB ({MediaFile.MaxSizeBytes} bytes).";

    public async Task<MediaDto> Handle(UploadMediaCommand request, CancellationToken cancellationToken)
    {
        var ownerId = caller.RequiredUserId;
        var file = new SizeLimitedReadStream(request.File, MediaFile.MaxSizeBytes, TooLarge);

        var head = await ImageHead.ReadAsync(file, cancellationToken);
        if (head.Bytes.IsEmpty) throw new ValidationException("file", "The file is empty.");
        var image = head.Sniff.Image ?? throw new UnsupportedMediaTypeException(
            "Only JPEG, PNG, GIF and WebP images are accepted; the file's content decides, not its name or declared type.");

        var key = await storage.SaveAsync(new PrefixedReadStream(head.Bytes, file), image.ContentType, cancellationToken);
        try
        {
            var media = new MediaFile(ids.NextId(), ownerId, image.ContentType, (int)file.BytesRead, image.Width, image.Height, key, clock.UtcNow);
            db.MediaFiles.Add(media);
            await db.SaveChangesAsync(cancellationToken);
            return MediaDto.From(media);
        }
        catch
        {
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }
}
