using System.Net.Sockets;
using EdgeAgent.Mqtt.Protocol;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>One accepted connection of the <see cref="FaultInjector"/>.</summary>
internal sealed class RawPeer(TcpClient client) : IDisposable
{
    private readonly NetworkStream _stream = client.GetStream();
    private readonly MqttFrameReader _reader = new(client.GetStream(), 1 << 20);

    public async Task<(byte FirstByte, byte[] Body)> ReadPacketAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var (firstByte, body) = await _reader.ReadAsync(cts.Token);
        return (firstByte, body.ToArray());
    }

    /// <summary>Reads packets until a PUBLISH arrives (skipping PINGREQ).</summary>
    public async Task<(byte FirstByte, ushort PacketId, byte[] Body)> ReadPublishAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (firstByte, body) = await ReadPacketAsync(timeout);
            if (firstByte >> 4 == 3)
            {
                var topicLength = (body[0] << 8) | body[1];
                var packetId = (ushort)((body[2 + topicLength] << 8) | body[3 + topicLength]);
                return (firstByte, packetId, body);
            }
        }
    }

    public Task WriteAsync(params byte[] bytes) => _stream.WriteAsync(bytes).AsTask();

    public Task PubAckAsync(ushort packetId) => WriteAsync(0x40, 0x02, (byte)(packetId >> 8), (byte)packetId);

    public void Dispose() => client.Dispose();
}
