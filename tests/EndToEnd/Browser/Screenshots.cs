using CleanBackend.TestSupport;

namespace CleanBackend.EndToEnd.Tests.Browser;

/// <summary>
/// Where the browser tests save their PNGs: CLEANBACKEND_TEST_SCREENSHOTS if set, else <c>screenshots/</c> in the
/// test output folder (bin/&lt;configuration&gt;/net10.0/screenshots). docs/screenshots holds a copy of the best ones.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        TestEnvironment.Optional("CLEANBACKEND_TEST_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
}
