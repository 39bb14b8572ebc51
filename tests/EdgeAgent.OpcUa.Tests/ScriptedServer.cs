using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>
/// A one-connection TCP server on 127.0.0.1 that reads the client's Hello and answers with scripted bytes:
/// for probing how the client handles malformed or hostile transport messages.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _run;

    public ScriptedServer(Func<NetworkStream, Task> script)
    {
        _listener.Start();
        _run = RunAsync(script);
    }

    public string EndpointUrl => $"opc.tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/scripted";

    public static byte[] Acknowledge(uint receive = 65535, uint send = 65535, uint maxMessage = 0, uint maxChunks = 0)
    {
        var bytes = new byte[28];
        "ACKF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 28);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), receive);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), send);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), maxMessage);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), maxChunks);
        return bytes;
    }

    public static byte[] Error(uint code, string reason)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(reason);
        var bytes = new byte[16 + text.Length];
        "ERRF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), code);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), text.Length);
        text.CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    public static async Task ReadMessageAsync(NetworkStream stream)
    {
        var header = new byte[8];
        await stream.ReadExactlyAsync(header);
        var size = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
        await stream.ReadExactlyAsync(new byte[size - 8]);
    }

    private async Task RunAsync(Func<NetworkStream, Task> script)
    {
        try
        {
            using var socket = await _listener.AcceptSocketAsync();
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await ReadMessageAsync(stream);
            await script(stream);
            await Task.Delay(200);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
