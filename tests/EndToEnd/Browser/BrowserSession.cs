using System.Drawing;
using System.Text.RegularExpressions;
using CleanBackend.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace CleanBackend.EndToEnd.Tests.Browser;

/// <summary>
/// One headless Chromium (Debian's chromium and chromedriver, from CLEANBACKEND_TEST_CHROMIUM and
/// CLEANBACKEND_TEST_CHROMEDRIVER) with an empty profile of its own: a separate person at a separate browser.
/// Waits are WebDriverWait on DOM conditions; screenshots go to <see cref="Screenshots.Folder"/>.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    /// <summary>Generous: pushes go through the outbox and a Hangfire job on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _profile = Directory.CreateTempSubdirectory("cleanbackend-chromium-").FullName;
    private readonly ITestOutputHelper _output;

    public BrowserSession(Uri server, ITestOutputHelper output, Size? windowSize = null)
    {
        _output = output;
        Server = server;
        var driverPath = TestEnvironment.Require("CLEANBACKEND_TEST_CHROMEDRIVER");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var size = windowSize ?? new Size(1280, 900);
        var options = new ChromeOptions { BinaryLocation = TestEnvironment.Require("CLEANBACKEND_TEST_CHROMIUM") };
        // As root on a machine with no outside network: no sandbox, and no background calls to Google's services.
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={_profile}", $"--window-size={size.Width},{size.Height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        // Desktop Chromium will not make a window narrower than 500 px: phone widths are emulated, as DevTools does.
        if (size.Width < 500)
            options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings
            {
                Width = size.Width,
                Height = size.Height,
                PixelRatio = 1,
                UserAgent = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
            });
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public Uri Server { get; }

    public void Open(string path) => Driver.Navigate().GoToUrl(new Uri(Server, path));

    /// <summary>Waits until <paramref name="condition"/> holds; the failure names what was awaited and what the page showed.</summary>
    public T WaitUntil<T>(Func<IWebDriver, T?> condition, string description)
    {
        var wait = new WebDriverWait(Driver, Timeout) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(driver => condition(driver))!;
        }
        catch (WebDriverTimeoutException)
        {
            Screenshot($"timeout-{Slug(description)}");
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds:0} s waiting until {description}. Page text: {Find("body").Text}");
        }
    }

    /// <summary>The visible element matching <paramref name="css"/>, once there is one.</summary>
    public IWebElement Visible(string css) =>
        WaitUntil(driver => driver.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), $"'{css}' is visible");

    /// <summary>Waits until the element's text contains <paramref name="text"/>.</summary>
    public IWebElement WithText(string css, string text) =>
        WaitUntil(driver => driver.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed && e.Text.Contains(text, StringComparison.Ordinal)),
            $"'{css}' shows \"{text}\"");

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public void Fill(string css, string value)
    {
        var input = Visible(css);
        input.Clear();
        input.SendKeys(value);
    }

    /// <summary>Clicks the first visible match; found and clicked in one step, since the dashboard re-renders its tables while it refreshes.</summary>
    public void Click(string css) =>
        WaitUntil(driver =>
        {
            var target = driver.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed && e.Enabled);
            target?.Click();
            return target is not null;
        }, $"'{css}' can be clicked");

    /// <summary>Saves a PNG of the viewport as <c>{name}.png</c> and reports where.</summary>
    public string Screenshot(string name)
    {
        var path = Path.Combine(Screenshots.Folder, $"{name}.png");
        Driver.GetScreenshot().SaveAsFile(path);
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Saves a PNG of the whole page, as tall as its content (a headless window cannot grow past its screen, so the viewport is emulated).</summary>
    public string FullPageScreenshot(string name)
    {
        var size = Driver.Manage().Window.Size;
        var height = Convert.ToInt64(Driver.ExecuteScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight"));
        var width = Convert.ToInt64(Driver.ExecuteScript("return window.innerWidth"));
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width,
            ["height"] = Math.Max(height, size.Height),
            ["deviceScaleFactor"] = 1,
            ["mobile"] = width < 500,
        });
        try
        {
            return Screenshot(name);
        }
        finally
        {
            Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", new Dictionary<string, object?>());
        }
    }

    /// <summary>
    /// Fails on any error the page's scripts logged or threw. Failed requests are left out: the pages meet 401 and
    /// 403 on purpose (wrong password, not an admin) and say so on the page, which the tests check.
    /// </summary>
    public void AssertNoScriptErrors()
    {
        var errors = Driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(entry => entry.Level == LogLevel.Severe && !entry.Message.Contains("Failed to load resource", StringComparison.Ordinal))
            .Select(entry => entry.Message)
            .ToList();
        Assert.True(errors.Count == 0, $"The page logged errors:\n{string.Join("\n", errors)}");
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }

    private static string Slug(string text)
    {
        var slug = NotSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug[..Math.Min(60, slug.Length)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
