using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>
/// Runs tests/peers/opcua/server.js (node-opcua 2.182.2) on a free 127.0.0.1 port and stops it by PID.
/// Installs the pinned npm packages with `npm ci` when node_modules is missing.
/// </summary>
public sealed class NodeOpcUaServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly StringBuilder _output = new();
    private readonly string _pkiDirectory = Directory.CreateTempSubdirectory("edgeagent-opcua-pki-").FullName;
    private Process? _process;

    private NodeOpcUaServer(int port, IReadOnlyDictionary<string, string> environment)
    {
        Port = port;
        Environment = environment;
    }

    public int Port { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string EndpointUrl { get; private set; } = string.Empty;

    /// <summary>The server's PKI folder (OPCUA_PKI_DIR): server/trusted/certs, server/rejected, server/own …</summary>
    public string PkiDirectory => _pkiDirectory;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<NodeOpcUaServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var server = new NodeOpcUaServer(port ?? FreePort(), environment ?? new Dictionary<string, string>());
        await server.StartProcessAsync();
        return server;
    }

    public static string PeerDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "peers", "opcua", "server.js")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new InvalidOperationException("tests/peers/opcua/server.js not found above " + AppContext.BaseDirectory)
                : Path.Combine(dir.FullName, "tests", "peers", "opcua");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EnsureInstalledAsync(string directory)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(directory, "node_modules", "node-opcua")))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed ({process.ExitCode}): {await stdout}{await stderr}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Starts (or restarts, on the same port) the server process and waits for its READY line.</summary>
    public async Task StartProcessAsync()
    {
        var directory = PeerDirectory;
        await EnsureInstalledAsync(directory);
        var info = new ProcessStartInfo("node", $"server.js {Port}")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["OPCUA_PKI_DIR"] = _pkiDirectory;

        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (e.Data.StartsWith("READY ", StringComparison.Ordinal))
            {
                ready.TrySetResult(e.Data["READY ".Length..].Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("node-opcua server exited early:\n" + Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        EndpointUrl = await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) the server: its sockets stay open but nothing answers.</summary>
    public async Task SignalAsync(string signal)
    {
        var pid = _process?.Id ?? throw new InvalidOperationException("Server not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}")) ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the server process (by PID, with its children) as a crash would.</summary>
    public async Task KillAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_pkiDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: leave the temp folder to the OS.
        }
    }
}
