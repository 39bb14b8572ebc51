using System.Net.Sockets;
using System.Text;
using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

/// <summary>
/// The sd_notify handshake of <c>edgeagent run</c> under systemd (Type=notify): the test plays systemd, binding the
/// datagram socket named in NOTIFY_SOCKET.
/// </summary>
[Collection(AgentProcessCollection.Name)]
public sealed class SystemdNotifierTests
{
    [Fact]
    public async Task RunSendsReadyOnceListeningAndStoppingOnSigterm()
    {
        using var folder = new TempFolder();
        await using var plant = await PlantUnderTest.StartAsync(folder);
        var socketPath = folder.File("notify.sock");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(socketPath));
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        await using var agent = AgentProcess.Start(
            ["run", "--config", plant.ConfigPath, "--urls", url],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socketPath });

        var ready = await ReceiveAsync(systemd, agent);
        Assert.Contains("READY=1", ready.Split('\n'));
        // READY means ready: the web server answers at once.
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

        agent.Signal(PosixSignal.Terminate);

        Assert.Contains("STOPPING=1", (await ReceiveAsync(systemd, agent)).Split('\n'));
        await agent.ExpectExitAsync(0, TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(plant.DataFolder, "edgeagent.db")), "run keeps its data folder");
    }

    [Fact]
    public async Task AbstractNotifySocketNamesWork()
    {
        using var folder = new TempFolder();
        await using var plant = await PlantUnderTest.StartAsync(folder);
        var name = "edgeagent-test-" + Guid.NewGuid().ToString("N");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint("\0" + name));

        await using var agent = AgentProcess.Start(
            ["run", "--config", plant.ConfigPath, "--urls", $"http://127.0.0.1:{FreePort.Next()}"],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = "@" + name });

        Assert.Contains("READY=1", (await ReceiveAsync(systemd, agent)).Split('\n'));
        agent.Signal(PosixSignal.Terminate);
        Assert.Contains("STOPPING=1", (await ReceiveAsync(systemd, agent)).Split('\n'));
        await agent.ExpectExitAsync(0, TimeSpan.FromSeconds(30));
    }

    private static async Task<string> ReceiveAsync(Socket socket, AgentProcess agent)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var length = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no notification within 30 s:\n{agent.Output}");
        }
    }
}
