namespace CleanBackend.Application.Common.Exceptions;

/// <summary>The request carries more bytes than allowed (HTTP 413).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);
