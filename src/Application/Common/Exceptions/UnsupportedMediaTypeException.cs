namespace CleanBackend.Application.Common.Exceptions;

/// <summary>The content is of a kind this endpoint does not accept (HTTP 415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);
