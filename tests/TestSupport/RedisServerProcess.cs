using System.Diagnostics;

namespace CleanBackend.TestSupport;

/// <summary>
/// A redis-server of the test's own (CLEANBACKEND_TEST_REDIS_SERVER) on a free loopback port, which the test may
/// stop and start again on the same port, unlike the shared one.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _binary = TestEnvironment.Require("CLEANBACKEND_TEST_REDIS_SERVER");
    private readonly string _folder = Directory.CreateTempSubdirectory("cleanbackend-redis-").FullName;
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    public string Endpoint => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // redis-server gives no readiness signal but its open port.
        await LoopbackPort.WaitUntilAcceptingAsync(Port, () => _process is not { HasExited: false }, () => "redis-server exited.");
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
