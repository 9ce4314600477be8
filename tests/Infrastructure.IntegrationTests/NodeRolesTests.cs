using Microsoft.Extensions.Configuration;

namespace CleanBackend.Infrastructure.IntegrationTests;

public sealed class NodeRolesTests
{
    [Theory]
    [InlineData("api,jobs", true, true)]
    [InlineData("jobs, api", true, true)]
    [InlineData("api", true, false)]
    [InlineData(" JOBS ", false, true)]
    [InlineData("api,api", true, false)]
    public void Roles_are_read_from_a_comma_separated_list(string value, bool api, bool jobs)
    {
        Assert.Equal(new NodeRoles(api, jobs), NodeRoles.Parse(value));
    }

    [Fact]
    public void Without_Node_Roles_a_node_runs_both()
    {
        var roles = NodeRoles.From(new ConfigurationBuilder().Build());

        Assert.Equal(new NodeRoles(Api: true, Jobs: true), roles);
        Assert.Equal("api,jobs", roles.ToString());
    }

    [Theory]
    [InlineData("api,worker", "'worker'")]
    [InlineData("web", "'web'")]
    [InlineData("", "is empty")]
    [InlineData(" , ", "is empty")]
    public void An_unknown_or_missing_role_is_refused_naming_the_setting(string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeRoles.Parse(value));

        Assert.Contains("Node:Roles", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
