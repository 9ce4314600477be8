namespace CleanBackend.Application.Common.Exceptions;

public sealed class ConflictException(string message = "The request conflicts with the current state.") : Exception(message);
