using Microsoft.Extensions.Configuration;

namespace CleanBackend.Infrastructure;

/// <summary>
/// What a node runs, from <c>Node:Roles</c>. <c>api</c>: REST, the hub, Swagger. <c>jobs</c>: the Hangfire server
/// and the outbox sweeper. A node without <c>api</c> serves only its health endpoints; a node without <c>jobs</c>
/// still enqueues jobs into the clustered store for the others to run, and still pushes to hub clients.
/// </summary>
public sealed record NodeRoles(bool Api, bool Jobs)
{
    public const string ApiRole = "api";
    public const string JobsRole = "jobs";
    public const string Default = ApiRole + "," + JobsRole;

    private const string Key = NodeOptions.Section + ":Roles";

    /// <summary>The node's roles; an unset key means both.</summary>
    /// <exception cref="InvalidOperationException">Empty, or a role other than api and jobs: the node must not start.</exception>
    public static NodeRoles From(IConfiguration configuration) => Parse(configuration[Key] ?? Default);

    /// <exception cref="InvalidOperationException">Empty, or a role other than api and jobs.</exception>
    public static NodeRoles Parse(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
            throw new InvalidOperationException($"{Key} is empty. Give api, jobs, or both: \"{Default}\".");
        var unknown = names.Where(n => !n.Equals(ApiRole, StringComparison.OrdinalIgnoreCase) && !n.Equals(JobsRole, StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"{Key} has unknown role(s) {string.Join(", ", unknown.Select(n => $"'{n}'"))} in \"{value}\". The roles are api and jobs, e.g. \"{Default}\".");
        return new NodeRoles(
            names.Contains(ApiRole, StringComparer.OrdinalIgnoreCase),
            names.Contains(JobsRole, StringComparer.OrdinalIgnoreCase));
    }

    public override string ToString() => (Api, Jobs) switch
    {
        (true, true) => Default,
        (true, false) => ApiRole,
        _ => JobsRole,
    };
}
