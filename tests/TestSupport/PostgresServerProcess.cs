using System.Diagnostics;

namespace CleanBackend.TestSupport;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temp folder, the binaries in CLEANBACKEND_TEST_PG_BIN) on a free
/// loopback port, which the test stops, starts and restarts with pg_ctl like an operator would; the shared server
/// stays untouched. As root the tools run as the "postgres" user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServerProcess : IAsyncDisposable
{
    private readonly string _bin = TestEnvironment.Require("CLEANBACKEND_TEST_PG_BIN");
    private readonly string _folder = Directory.CreateTempSubdirectory("cleanbackend-pg-").FullName;

    public int Port { get; } = LoopbackPort.Free();

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Server-level connection string, like <see cref="TestEnvironment.PostgresServer"/>.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres";

    public async Task InitializeAndStartAsync()
    {
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
            await RunAsync("chown", "postgres", _folder);
        }
        await PgToolAsync("initdb", "-D", DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        await StartAsync();
    }

    /// <summary><c>pg_ctl start -w</c>: returns once the server accepts connections.</summary>
    public Task StartAsync() => PgCtlAsync("start", "-o",
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "-l", Path.Combine(_folder, "server.log"));

    /// <summary><c>pg_ctl stop -m fast</c>: open transactions are rolled back and clients disconnected.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast");

    /// <summary><c>pg_ctl restart -m fast</c>: returns once the server accepts connections again.</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    private Task PgCtlAsync(string command, params string[] arguments) =>
        PgToolAsync("pg_ctl", ["-D", DataFolder, "-w", "-t", "60", command, .. arguments]);

    private Task PgToolAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        // Read both streams to the end: pg_ctl's server child inherits neither, so this returns when pg_ctl does.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try { await PgCtlAsync("stop", "-m", "immediate"); } catch (InvalidOperationException) { }
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
