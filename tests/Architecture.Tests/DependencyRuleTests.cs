using System.Reflection;
using System.Runtime.InteropServices;

namespace CleanBackend.Architecture.Tests;

/// <summary>Dependencies point inward only: WebApi -> Infrastructure -> Application -> Domain (checked on the compiled assemblies).</summary>
public sealed class DependencyRuleTests
{
    private static string[] ReferencedNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Each_layer_references_only_the_layers_inside_it()
    {
        Assert.Empty(Layers.ProductReferencesOf(Layers.Domain));
        Assert.Equal(["CleanBackend.Domain"], Layers.ProductReferencesOf(Layers.Application));
        Assert.Equal(["CleanBackend.Application", "CleanBackend.Domain"], Layers.ProductReferencesOf(Layers.Infrastructure));
        Assert.DoesNotContain("CleanBackend.WebApi", Layers.ProductReferencesOf(Layers.Infrastructure));
    }

    [Fact]
    public void Domain_references_nothing_but_the_runtime()
    {
        // Every assembly of the shared runtime sits next to System.Private.CoreLib; a package's assembly does not.
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();

        var notRuntime = ReferencedNames(Layers.Domain).Where(name => !File.Exists(Path.Combine(runtimeDirectory, name + ".dll")));

        Assert.Empty(notRuntime);
    }

    [Fact]
    public void Application_references_no_web_framework_and_no_database_or_messaging_adapter()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite",
            "StackExchange.Redis", "Hangfire", "CleanBackend.Infrastructure", "CleanBackend.WebApi"];

        var offending = ReferencedNames(Layers.Application)
            .Where(name => forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)));

        Assert.Empty(offending);
    }

    [Fact]
    public void The_checks_see_real_references()
    {
        // Guards the tests above against passing because reflection returned nothing.
        Assert.Contains("CleanBackend.Domain", ReferencedNames(Layers.Application));
        Assert.Contains("MediatR", ReferencedNames(Layers.Application));
        Assert.Contains("CleanBackend.Infrastructure", ReferencedNames(Layers.WebApi));
        Assert.Contains("System.Runtime", ReferencedNames(Layers.Domain));
    }
}
