using System.Reflection;

namespace CleanBackend.TestSupport;

/// <summary>Where things are in the checkout the tests were built from.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The built WebApi (src/WebApi/bin/&lt;configuration&gt;/&lt;framework&gt;/CleanBackend.WebApi.dll), built with the
    /// tests in the same configuration, since the tests reference it.
    /// </summary>
    public static string WebApiAssembly
    {
        get
        {
            var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var path = Path.Combine(Root, "src", "WebApi", "bin", configuration, framework, "CleanBackend.WebApi.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"No built WebApi at {path}: build the solution in {configuration} first.");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CleanBackend.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("No CleanBackend.sln above " + AppContext.BaseDirectory);
    }
}
