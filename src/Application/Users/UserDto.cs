using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Users;

/// <summary>A user as the API shows it. Email is only included for the user themself.</summary>
public sealed record UserDto(long Id, string UserName, string DisplayName, string? Bio, string Role, DateTimeOffset CreatedAt, string? Email)
{
    public static UserDto Public(User user) =>
        new(user.Id, user.UserName, user.DisplayName, user.Bio, user.Role, user.CreatedAt, null);

    public static UserDto Private(User user) => Public(user) with { Email = user.Email };
}
