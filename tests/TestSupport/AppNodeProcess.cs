using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanBackend.TestSupport;

/// <summary>
/// One node of CleanBackend as a real process: <c>dotnet CleanBackend.WebApi.dll --urls http://127.0.0.1:port</c>,
/// configured through environment variables like a systemd unit would. Its console output is kept (the last lines)
/// for failure messages. <see cref="Kill"/> is kill -9.
/// </summary>
public sealed class AppNodeProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppNodeProcess(int id, string roles, int port, Process process)
    {
        Id = id;
        Roles = roles;
        Address = new Uri($"http://127.0.0.1:{port}");
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id { get; }

    public string Roles { get; }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the process and returns at once; <see cref="WaitUntilReadyAsync"/> waits for it to serve. A restarted node
    /// passes its predecessor's <paramref name="port"/>, where nginx expects it.
    /// </summary>
    public static AppNodeProcess Start(int id, string roles, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var listenPort = port ?? LoopbackPort.Free();
        var assembly = RepositoryLayout.WebApiAssembly;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { assembly, "--urls", $"http://127.0.0.1:{listenPort}" },
            // The content root, so the node reads its appsettings.json like a published app.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Node__Id"] = id.ToString();
        start.Environment["Node__Roles"] = roles;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        return new AppNodeProcess(id, roles, listenPort, process);
    }

    /// <summary>Waits until /health/ready answers <paramref name="status"/> (Healthy: database and Redis reachable).</summary>
    public async Task WaitUntilReadyAsync(string status = "Healthy", TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        var started = Stopwatch.StartNew();
        string? last = null;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{this} exited with code {_process.ExitCode} before it was ready.\n{Output}");
            last = await ReadinessAsync(http) ?? last;
            if (last == status) return;
            if (started.Elapsed > limit) throw new TimeoutException($"{this} did not report {status} within {limit.TotalSeconds:0} s (last: {last ?? "no answer"}).\n{Output}");
            // Polling: the node signals readiness only through its health endpoint.
            await Task.Delay(100);
        }
    }

    /// <summary>The status /health/ready reports ("Healthy", "Degraded", ...), or null when the node does not answer.</summary>
    public async Task<string?> ReadinessAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        return await ReadinessAsync(http);
    }

    private static async Task<string?> ReadinessAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("status").GetString();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>An HttpClient for this node, sending the access token when given.</summary>
    public HttpClient CreateHttpClient(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>SIGTERM, what systemd sends on stop: the node drains and shuts down gracefully; waits until it exits.</summary>
    public async Task<int> StopGracefullyAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill(SIGTERM) of {this} failed.");
        return await WaitForExitAsync(timeout);
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>kill -9: the node gets no chance to close connections, withdraw from Redis or finish its jobs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end on its own; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>The node's last console lines.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Whether the node has written a line containing <paramref name="text"/> (among the kept lines).</summary>
    public bool HasLogged(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

    public override string ToString() => $"node {Id} ({Roles}) at {Address}";

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines) _output.TryDequeue(out _);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
