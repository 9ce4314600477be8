using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CleanBackend.TestSupport;

/// <summary>
/// Debian's nginx (CLEANBACKEND_TEST_NGINX) on a free loopback port, running the repository's deploy/nginx config
/// unchanged except for the listen port and where the node list lives.
/// </summary>
public sealed partial class NginxProcess : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cleanbackend-nginx-").FullName;
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public async Task StartAsync(IEnumerable<Uri> nodes)
    {
        var deploy = Path.Combine(RepositoryLayout.Root, "deploy", "nginx");
        var nodesFile = Path.Combine(_folder, "cleanbackend-nodes.conf");
        var hubNodesFile = Path.Combine(_folder, "cleanbackend-hub-nodes.conf");
        await File.WriteAllLinesAsync(nodesFile, nodes.Select(n => $"server {n.Host}:{n.Port} max_fails=3 fail_timeout=10s;"));
        await File.WriteAllLinesAsync(hubNodesFile, nodes.Select(n => $"server {n.Host}:{n.Port} max_fails=0;"));

        var site = await File.ReadAllTextAsync(Path.Combine(deploy, "cleanbackend.conf"));
        site = site.Replace("/etc/nginx/cleanbackend-nodes.conf", nodesFile).Replace("/etc/nginx/cleanbackend-hub-nodes.conf", hubNodesFile);
        site = ListenDirective().Replace(site, $"listen 127.0.0.1:{Port};");
        await File.WriteAllTextAsync(Path.Combine(_folder, "cleanbackend.conf"), site);

        var main = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(main, $$"""
            daemon off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/cleanbackend.conf;
            }
            """);
        // Workers of a root-started nginx run as "nobody": let them use the temp folder.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        var start = new ProcessStartInfo(TestEnvironment.Require("CLEANBACKEND_TEST_NGINX"))
        {
            ArgumentList = { "-p", _folder, "-c", main },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // nginx signals readiness only by accepting on its port.
        await LoopbackPort.WaitUntilAcceptingAsync(Port, () => _process.HasExited, () => $"nginx exited: {ReadErrorLog()}");
    }

    public string ReadErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    [GeneratedRegex(@"listen\s+80;")]
    private static partial Regex ListenDirective();

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
