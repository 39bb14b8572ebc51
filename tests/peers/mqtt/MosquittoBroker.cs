using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgeAgent.TestPeers.Mqtt;

/// <summary>
/// A real Debian mosquitto broker for tests: writes mosquitto.conf into a temp folder, starts
/// /usr/sbin/mosquitto on a free 127.0.0.1 port, and stops it by PID. Stop + start keeps the port and
/// the persistence folder, so persistent sessions survive a "broker restart".
/// Needs the apt packages mosquitto and mosquitto-clients.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string BrokerPath = "/usr/sbin/mosquitto";
    private const int SigTerm = 15;

    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();
    private Process? _process;

    public MosquittoBroker(MosquittoSettings? settings = null)
    {
        Settings = settings ?? new MosquittoSettings();
        Directory = Path.Combine(Path.GetTempPath(), "edgeagent-mosquitto-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        Port = FreePort();
        ConfigPath = Path.Combine(Directory, "mosquitto.conf");
    }

    public MosquittoSettings Settings { get; }

    /// <summary>Temp folder holding the config, the persistence database and any test files.</summary>
    public string Directory { get; }

    public string ConfigPath { get; }

    public int Port { get; }

    public int? ProcessId => _process?.Id;

    /// <summary>Everything mosquitto wrote to stderr so far (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Creates a password file with one user, using mosquitto_passwd -b -c.</summary>
    public static async Task<string> CreatePasswordFile(string directory, string user, string password)
    {
        var path = Path.Combine(directory, "passwords");
        var result = await RunToolAsync("mosquitto_passwd", ["-b", "-c", path, user, password]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd failed ({result.ExitCode}): {result.StdErr}");
        }

        return path;
    }

    /// <summary>Runs a command-line tool (mosquitto_sub, mosquitto_pub, mosquitto_passwd) and captures its output as bytes.</summary>
    public static async Task<(int ExitCode, byte[] StdOut, string StdErr)> RunToolAsync(
        string tool,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {tool}.");
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in time. stderr: {await stderr}");
        }

        await copy;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The broker is already running.");
        }

        await File.WriteAllTextAsync(ConfigPath, BuildConfig());
        var logStart = Log.Length;
        var info = new ProcessStartInfo(BrokerPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(ConfigPath);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start mosquitto.");
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}: {Log}");
            }

            // The log line is the readiness signal; probing with a TCP connect would leave "client closed" noise.
            if (Log.IndexOf(" running", logStart, StringComparison.Ordinal) >= 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"mosquitto did not start listening on 127.0.0.1:{Port}: {Log}");
    }

    /// <summary>Stops gracefully (SIGTERM, so the persistence database is saved), killing after 10 s.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            _ = Kill(process.Id, SigTerm);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test run over.
        }
    }

    private string BuildConfig()
    {
        var s = Settings;
        var config = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        config.AppendLine("per_listener_settings false");

        // Running as root, mosquitto would switch to user "mosquitto", which cannot write our temp folder.
        config.AppendLine(invariant, $"user {Environment.UserName}");
        config.AppendLine("persistence true");
        config.AppendLine(invariant, $"persistence_location {Path.Combine(Directory, "data")}/");
        config.AppendLine("log_dest stderr");
        config.AppendLine(invariant, $"allow_anonymous {(s.AllowAnonymous ? "true" : "false")}");
        if (s.PasswordFile is not null)
        {
            config.AppendLine(invariant, $"password_file {s.PasswordFile}");
        }

        config.AppendLine(invariant, $"listener {Port} 127.0.0.1");
        if (s.CertFile is not null)
        {
            config.AppendLine(invariant, $"cafile {s.CaFile}");
            config.AppendLine(invariant, $"certfile {s.CertFile}");
            config.AppendLine(invariant, $"keyfile {s.KeyFile}");
            config.AppendLine(invariant, $"require_certificate {(s.RequireCertificate ? "true" : "false")}");
        }

        return config.ToString();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log.AppendLine(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
