using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.Collection.Tests.Support;

/// <summary>
/// A minimal Modbus TCP device on 127.0.0.1 whose answer to each read a test decides (data or an exception code), to
/// inject faults the real peers do not produce on demand: a device busy in the middle of a split, an address that
/// becomes valid after a reconfiguration. Data: register = 1000 + address, bit = address is even.
/// </summary>
internal sealed class ScriptedModbusDevice : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly List<(byte FunctionCode, int Address, int Count, byte? Exception)> _requests = [];
    private readonly Task _acceptLoop;

    /// <param name="refuse">Called per request (function code, address, count): an exception code to answer with, or null for data.</param>
    public ScriptedModbusDevice(Func<byte, int, int, byte?> refuse)
    {
        Refuse = refuse;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Func<byte, int, int, byte?> Refuse { get; set; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<(byte FunctionCode, int Address, int Count, byte? Exception)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }

                _ = ServeAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var request = new byte[12];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(request, _stop.Token);
                var function = request[7];
                int address = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(8));
                int count = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(10));
                var exception = Refuse(function, address, count);
                lock (_requests)
                {
                    _requests.Add((function, address, count, exception));
                }

                byte[] pdu;
                if (exception is { } code)
                {
                    pdu = [(byte)(function | 0x80), code];
                }
                else if (function is 1 or 2)
                {
                    pdu = new byte[2 + ((count + 7) / 8)];
                    for (var i = 0; i < count; i++)
                    {
                        if ((address + i) % 2 == 0)
                        {
                            pdu[2 + (i / 8)] |= (byte)(1 << (i % 8));
                        }
                    }
                }
                else
                {
                    pdu = new byte[2 + (count * 2)];
                    for (var i = 0; i < count; i++)
                    {
                        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(2 + (i * 2)), (ushort)(1000 + address + i));
                    }
                }

                if (exception is null)
                {
                    pdu[0] = function;
                    pdu[1] = (byte)(pdu.Length - 2);
                }

                var reply = new byte[7 + pdu.Length];
                request.AsSpan(0, 4).CopyTo(reply);
                BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(4), (ushort)(pdu.Length + 1));
                reply[6] = request[6];
                pdu.CopyTo(reply, 7);
                await stream.WriteAsync(reply, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException or ObjectDisposedException)
        {
            // Connection closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }
}
