using CleanBackend.Domain.Users;

namespace CleanBackend.Application.Users;

/// <summary>The caller's own account, email included (others see <see cref="UserProfileDto"/>).</summary>
public sealed record UserDto(long Id, string UserName, string DisplayName, string? Bio, string Role, DateTimeOffset CreatedAt, string? Email)
{
    public static UserDto Private(User user) =>
        new(user.Id, user.UserName, user.DisplayName, user.Bio, user.Role, user.CreatedAt, user.Email);
}
