namespace EdgeAgent.Modbus.Tests.Peers;

/// <summary>
/// Builds tests/peers/modbus/libmodbus_host.c with gcc against libmodbus into the test output folder and runs it on a
/// free 127.0.0.1 port; the host appends the function code of every request to <see cref="LogPath"/>.
/// </summary>
public sealed class LibmodbusHostFixture : IAsyncLifetime
{
    private PeerProcess? _process;

    public int Port { get; private set; }

    public string LogPath { get; } = Path.Combine(Path.GetTempPath(), $"edgeagent-libmodbus-{Environment.ProcessId}-{Guid.NewGuid():N}.log");

    public async Task InitializeAsync()
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "peers", "libmodbus_host");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        var (exitCode, output) = await PeerProcess.RunAsync(
            "/bin/sh", [PeerPaths.File("build-libmodbus-host.sh"), binary], TimeSpan.FromMinutes(2));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Building the libmodbus host failed (needs gcc, pkg-config, libmodbus-dev):{Environment.NewLine}{output}");
        }

        Port = FreeTcpPort.Find();
        _process = await PeerProcess.StartAsync(
            binary, [Port.ToString(System.Globalization.CultureInfo.InvariantCulture), LogPath], "READY", TimeSpan.FromSeconds(15));
    }

    /// <summary>Function codes the host has received so far, in order.</summary>
    public IReadOnlyList<byte> ReceivedFunctionCodes() =>
        File.Exists(LogPath)
            ? File.ReadAllLines(LogPath).Where(l => l.StartsWith("FC ", StringComparison.Ordinal)).Select(l => byte.Parse(l[3..], System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];

    public Task DisposeAsync()
    {
        _process?.Dispose();
        File.Delete(LogPath);
        return Task.CompletedTask;
    }
}
