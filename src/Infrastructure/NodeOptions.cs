namespace CleanBackend.Infrastructure;

/// <summary>Configuration section <c>Node</c>: which node of a deployment this process is (what it runs, <c>Node:Roles</c>, is <see cref="NodeRoles"/>).</summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>0-1023, unique per running node, so snowflake ids never collide.</summary>
    public int Id { get; set; }
}
