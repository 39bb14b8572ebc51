using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>A raw TCP "broker" that answers with whatever bytes a test scripts, including malformed ones.</summary>
internal sealed class FaultInjector : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FaultInjector()
    {
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static byte[] ConnAck(MqttProtocolVersion version, bool sessionPresent = true) => version == MqttProtocolVersion.V311
        ? [0x20, 0x02, sessionPresent ? (byte)1 : (byte)0, 0x00]
        : [0x20, 0x03, sessionPresent ? (byte)1 : (byte)0, 0x00, 0x00];

    public async Task<RawPeer> AcceptAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var client = await _listener.AcceptTcpClientAsync(cts.Token);
        return new RawPeer(client);
    }

    /// <summary>Accepts a connection and reads its CONNECT.</summary>
    public async Task<RawPeer> AcceptConnectAsync(TimeSpan? timeout = null)
    {
        var peer = await AcceptAsync(timeout);
        var (firstByte, _) = await peer.ReadPacketAsync();
        Assert.Equal(0x10, firstByte);
        return peer;
    }

    public void Dispose() => _listener.Stop();
}
