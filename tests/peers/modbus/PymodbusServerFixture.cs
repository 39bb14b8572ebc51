namespace EdgeAgent.TestPeers.Modbus;

/// <summary>
/// Runs tests/peers/modbus/pymodbus_server.py (Debian python3-pymodbus) on a free 127.0.0.1 port for a test collection.
/// </summary>
public sealed class PymodbusServerFixture : IAsyncLifetime
{
    private PeerProcess? _process;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Port = FreeTcpPort.Find();
        _process = await StartAsync(Port);
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Starts one more pymodbus server (used by the kill-and-restart test).</summary>
    internal static Task<PeerProcess> StartAsync(int port, string framer = "socket") => PeerProcess.StartAsync(
        "/usr/bin/python3",
        [PeerPaths.File("pymodbus_server.py"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--framer", framer],
        "READY",
        TimeSpan.FromSeconds(30));
}
