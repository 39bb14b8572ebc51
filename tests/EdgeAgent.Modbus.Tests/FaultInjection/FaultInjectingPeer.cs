using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.Modbus.Tests.FaultInjection;

/// <summary>
/// A raw TCP listener on 127.0.0.1 that answers each fixed-size read request with whatever bytes the test scripts,
/// to inject faults no real server produces on demand (wrong ids, truncated or oversized frames, silence).
/// </summary>
internal sealed class FaultInjectingPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, byte[], ScriptedReply> _script;
    private readonly int _requestLength;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _acceptLoop;
    private int _connections;
    private int _requests;

    /// <param name="script">Called with the connection number (0-based) and the request frame.</param>
    /// <param name="requestLength">Bytes per request: 12 for Modbus TCP reads, 8 for RTU reads.</param>
    public FaultInjectingPeer(Func<int, byte[], ScriptedReply> script, int requestLength = 12)
    {
        _script = script;
        _requestLength = requestLength;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A valid register response echoing the request's transaction id, unit id and function code.</summary>
    public static byte[] RegistersReply(byte[] request, params ushort[] values)
    {
        var reply = new byte[9 + (values.Length * 2)];
        request.AsSpan(0, 4).CopyTo(reply);
        BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(4), (ushort)(3 + (values.Length * 2)));
        reply[6] = request[6];
        reply[7] = request[7];
        reply[8] = (byte)(values.Length * 2);
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(9 + (2 * i)), values[i]);
        }

        return reply;
    }

    /// <summary>An exception response to the request.</summary>
    public static byte[] ExceptionReply(byte[] request, byte code) =>
        [request[0], request[1], 0, 0, 0, 3, request[6], (byte)(request[7] | 0x80), code];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            lock (_clients)
            {
                _clients.Add(client);
            }

            int connection = Interlocked.Increment(ref _connections) - 1;
            _ = ServeAsync(client, connection);
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        try
        {
            var stream = client.GetStream();
            while (true)
            {
                var request = new byte[_requestLength];
                await stream.ReadExactlyAsync(request, _stop.Token);
                Interlocked.Increment(ref _requests);
                var reply = _script(connection, request);
                if (reply.Bytes is not null)
                {
                    await stream.WriteAsync(reply.Bytes, _stop.Token);
                }

                if (reply.CloseAfter)
                {
                    client.Dispose();
                    return;
                }
            }
        }
        catch (Exception)
        {
            // The client hung up or the peer is stopping: either ends this connection.
            client.Dispose();
        }
    }
}
