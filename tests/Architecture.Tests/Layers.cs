using System.Reflection;

namespace CleanBackend.Architecture.Tests;

/// <summary>The product's assemblies, innermost first.</summary>
public static class Layers
{
    public static readonly Assembly Domain = typeof(CleanBackend.Domain.Common.Entity).Assembly;
    public static readonly Assembly Application = typeof(CleanBackend.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(CleanBackend.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApi = typeof(Program).Assembly;

    public static bool IsProductAssembly(AssemblyName name) => name.Name?.StartsWith("CleanBackend.", StringComparison.Ordinal) == true;

    /// <summary>The product assemblies <paramref name="assembly"/> references, directly or through another product assembly.</summary>
    public static IReadOnlySet<string> ProductReferencesOf(Assembly assembly)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([assembly]);
        while (pending.TryPop(out var current))
        {
            foreach (var reference in current.GetReferencedAssemblies().Where(IsProductAssembly))
            {
                if (found.Add(reference.Name!)) pending.Push(Assembly.Load(reference));
            }
        }
        return found;
    }
}
