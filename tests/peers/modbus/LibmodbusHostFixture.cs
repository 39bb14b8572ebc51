using System.Globalization;

namespace EdgeAgent.TestPeers.Modbus;

/// <summary>
/// Builds tests/peers/modbus/libmodbus_host.c with gcc against libmodbus into the test output folder and runs it on a
/// free 127.0.0.1 port; the host appends every request (function code, address, count, accepted or not) and every
/// accepted connection to <see cref="LogPath"/>. Also usable outside a collection: <see cref="StartNewAsync"/> gives a
/// private host with its own log, which a test may kill and restart on the same port.
/// </summary>
public sealed class LibmodbusHostFixture : IAsyncLifetime, IAsyncDisposable
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;

    private PeerProcess? _process;

    public int Port { get; private set; }

    public string LogPath { get; } = Path.Combine(Path.GetTempPath(), $"edgeagent-libmodbus-{Environment.ProcessId}-{Guid.NewGuid():N}.log");

    /// <summary>True while the host process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    public async Task InitializeAsync()
    {
        await BuildAsync();
        Port = FreeTcpPort.Find();
        await StartAsync();
    }

    /// <summary>A private host (own port and log) for tests that kill it or need a clean log; dispose it when done.</summary>
    public static async Task<LibmodbusHostFixture> StartNewAsync()
    {
        var host = new LibmodbusHostFixture();
        await host.InitializeAsync();
        return host;
    }

    /// <summary>Kills the host (by PID); the port refuses connections until <see cref="RestartAsync"/>.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the host again on the same port and log.</summary>
    public Task RestartAsync()
    {
        Kill();
        return StartAsync();
    }

    /// <summary>Function codes the host has received so far, in order.</summary>
    public IReadOnlyList<byte> ReceivedFunctionCodes() => Requests().Select(r => r.FunctionCode).ToList();

    /// <summary>Requests the host has received so far, in order.</summary>
    public IReadOnlyList<LoggedRequest> Requests() =>
        LogLines().Where(l => l.StartsWith("FC ", StringComparison.Ordinal)).Select(LoggedRequest.Parse).ToList();

    /// <summary>Connections the host has accepted so far.</summary>
    public int AcceptedConnections() => LogLines().Count(l => string.Equals(l, "ACCEPT", StringComparison.Ordinal));

    public Task DisposeAsync()
    {
        Kill();
        File.Delete(LogPath);
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private string[] LogLines()
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }

        // The host appends while we read: share the file and ignore a half-written last line.
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n');
    }

    private static string Binary => Path.Combine(AppContext.BaseDirectory, "peers", "libmodbus_host");

    private static async Task BuildAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            if (_built)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Binary)!);
            var (exitCode, output) = await PeerProcess.RunAsync(
                "/bin/sh", [PeerPaths.File("build-libmodbus-host.sh"), Binary], TimeSpan.FromMinutes(2));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"Building the libmodbus host failed (needs gcc, pkg-config, libmodbus-dev):{Environment.NewLine}{output}");
            }

            _built = true;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private async Task StartAsync() =>
        _process = await PeerProcess.StartAsync(
            Binary, [Port.ToString(CultureInfo.InvariantCulture), LogPath], "READY", TimeSpan.FromSeconds(15));
}
