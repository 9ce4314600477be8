using System.Diagnostics;
using System.Text;

namespace CleanBackend.TestSupport;

/// <summary>Runs a script of a node package under tests/EndToEnd (js/ by default) and collects its exit code and output.</summary>
public static class NodeScript
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Task<Result> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout) =>
        RunAsync("js", script, arguments, timeout);

    /// <summary>Runs <paramref name="script"/> (relative to tests/EndToEnd/<paramref name="package"/>) there.</summary>
    public static async Task<Result> RunAsync(string package, string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var folder = Path.Combine(RepositoryLayout.Root, "tests", "EndToEnd", package);
        if (!File.Exists(Path.Combine(folder, "node_modules", ".package-lock.json")))
            throw new InvalidOperationException($"Run `npm ci` in {folder} first (build/test.sh does).");

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} ran longer than {timeout.TotalSeconds:0} s. Output: {output} Errors: {errors}");
        }

        // The parameterless wait also waits for the redirected streams to be read to the end.
        await process.WaitForExitAsync(CancellationToken.None);
        return new Result(process.ExitCode, output.ToString(), errors.ToString());
    }
}
