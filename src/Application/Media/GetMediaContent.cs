using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Common.Interfaces;
using CleanBackend.Application.Common.Messaging;
using MediatR;

namespace CleanBackend.Application.Media;

/// <summary>The stored bytes behind a media URL. Public: the key itself is the unguessable part.</summary>
public sealed record GetMediaContentQuery(string Key) : IQuery<StoredMedia>;

public sealed class GetMediaContentHandler(IMediaStorage storage) : IRequestHandler<GetMediaContentQuery, StoredMedia>
{
    public async Task<StoredMedia> Handle(GetMediaContentQuery request, CancellationToken cancellationToken) =>
        await storage.OpenReadAsync(request.Key, cancellationToken)
        ?? throw new NotFoundException("No media is stored under that key.");
}
