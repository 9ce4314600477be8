using CleanBackend.Application.Common.Exceptions;
using CleanBackend.Application.Users;
using MediatR;

namespace CleanBackend.WebApi.Setup;

public static class AdminSeeding
{
    /// <summary>
    /// When <c>Admin:UserName</c> and <c>Admin:Password</c> are configured, makes sure that admin exists
    /// (<c>Admin:Email</c> defaults to <c>{userName}@localhost</c>). Nothing is seeded otherwise: there is no default admin.
    /// </summary>
    public static async Task EnsureConfiguredAdminAsync(this WebApplication app)
    {
        var section = app.Configuration.GetSection("Admin");
        var userName = section["UserName"];
        var password = section["Password"];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminSeeding));
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            if (!string.IsNullOrWhiteSpace(userName) || !string.IsNullOrEmpty(password))
                logger.LogWarning("Admin:UserName and Admin:Password must both be set to seed an admin; no admin was seeded");
            return;
        }

        var email = section["Email"] is { Length: > 0 } configured ? configured : $"{userName}@localhost";
        var command = new EnsureAdminCommand(userName, password, email);
        EnsureAdminOutcome outcome;
        try
        {
            outcome = await SendAsync(app.Services, command);
        }
        catch (ConflictException)
        {
            // Another node starting at the same moment created the account first: now it exists, promote or keep it.
            outcome = await SendAsync(app.Services, command);
        }
        catch (ValidationException invalid)
        {
            var problems = invalid.Errors.Select(e => $"Admin:{char.ToUpperInvariant(e.Key[0])}{e.Key[1..]}: {string.Join(" ", e.Value)}");
            throw new InvalidOperationException("The configured admin is invalid. " + string.Join("; ", problems));
        }

        logger.LogInformation("Admin {UserName}: {Outcome}", userName.ToLowerInvariant(), outcome);
    }

    private static async Task<EnsureAdminOutcome> SendAsync(IServiceProvider services, EnsureAdminCommand command)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }
}
