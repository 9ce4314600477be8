namespace CleanBackend.Infrastructure;

/// <summary>Configuration section <c>Node</c>: which node of a deployment this process is, and what it runs.</summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>0-1023, unique per running node, so snowflake ids never collide.</summary>
    public int Id { get; set; }

    /// <summary>Comma-separated <see cref="NodeRoles"/>: <c>api</c>, <c>jobs</c>, or both (the default).</summary>
    public string Roles { get; set; } = NodeRoles.Default;
}
