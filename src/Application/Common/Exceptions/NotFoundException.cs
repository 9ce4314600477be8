namespace CleanBackend.Application.Common.Exceptions;

public sealed class NotFoundException(string message = "The resource was not found.") : Exception(message);
