using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Modbus;

/// <summary>
/// Modbus TCP server for the simulator and tests: serves function codes 1–4 from an <see cref="IModbusDataStore"/>,
/// answers every other function code with <see cref="ModbusExceptionCode.IllegalFunction"/>, and closes a connection
/// that sends a malformed frame. Many connections are served at once; requests on one connection are answered in order.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly IModbusDataStore _store;
    private readonly ModbusTcpServerOptions _options;
    private readonly ILogger _logger;
    private readonly long[] _functionCodeCounts = new long[256];
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task? _acceptLoop;
    private IPEndPoint? _endPoint;
    private int _stopped;

    /// <summary>Creates a server; call <see cref="Start"/> to listen.</summary>
    public ModbusTcpServer(IModbusDataStore store, ModbusTcpServerOptions? options = null, ILogger<ModbusTcpServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new ModbusTcpServerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.Port, 65535, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxConnections, nameof(options));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The port listened on (the real one when 0 was configured). Valid after <see cref="Start"/>.</summary>
    public int Port => EndPoint.Port;

    /// <summary>The local end point listened on. Valid after <see cref="Start"/>.</summary>
    public IPEndPoint EndPoint => _endPoint ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>Connections currently open.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>
    /// Requests received so far per function code, including refused and unknown ones (a snapshot; codes never seen are absent).
    /// Lets tests prove which function codes a client sent.
    /// </summary>
    public IReadOnlyDictionary<byte, long> FunctionCodeCounts
    {
        get
        {
            var counts = new Dictionary<byte, long>();
            for (int i = 0; i < _functionCodeCounts.Length; i++)
            {
                long count = Interlocked.Read(ref _functionCodeCounts[i]);
                if (count > 0)
                {
                    counts[(byte)i] = count;
                }
            }

            return counts;
        }
    }

    /// <summary>Total requests received on all connections.</summary>
    public long RequestCount
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _functionCodeCounts.Length; i++)
            {
                total += Interlocked.Read(ref _functionCodeCounts[i]);
            }

            return total;
        }
    }

    /// <summary>Binds and starts accepting connections. Throws <see cref="SocketException"/> if the port is taken.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listener = new Socket(_options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(_options.Address, _options.Port));
            listener.Listen(_options.MaxConnections);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _endPoint = (IPEndPoint)listener.LocalEndPoint!;
        _logger.Listening(_endPoint);
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
    }

    /// <summary>Stops listening, closes every connection and waits for their handlers to finish.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0 || _listener is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        _logger.Stopped(_endPoint!);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Transient accept failures (e.g. a connection reset before accept) must not stop the server.
                _logger.AcceptFailed(ex);
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                _logger.ConnectionLimit(_options.MaxConnections, client.RemoteEndPoint);
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            // Registered before the handler runs so that StopAsync always sees (and closes) it.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var handler = ServeAsync(client, start.Task, cancellationToken);
            _connections[client] = handler;
            start.SetResult();
        }
    }

    private async Task ServeAsync(Socket socket, Task start, CancellationToken cancellationToken)
    {
        await start.ConfigureAwait(false);
        var remote = socket.RemoteEndPoint;
        _logger.ClientConnected(remote);
        var buffers = new ConnectionBuffers();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var (length, keepOpen) = _options.FrameFormat == ModbusFrameFormat.Tcp
                    ? await ReceiveTcpRequestAsync(socket, remote, buffers, cancellationToken).ConfigureAwait(false)
                    : await ReceiveRtuRequestAsync(socket, remote, buffers, cancellationToken).ConfigureAwait(false);
                if (length > 0)
                {
                    if (_options.ResponseDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(_options.ResponseDelay, cancellationToken).ConfigureAwait(false);
                    }

                    await SendAsync(socket, buffers.Response.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                }

                if (!keepOpen)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.ConnectionError(remote, ex);
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            socket.Dispose();
            _logger.ClientDisconnected(remote);
        }
    }

    /// <summary>Reads one MBAP frame and builds the answer: (response length, keep the connection open).</summary>
    private async ValueTask<(int Length, bool KeepOpen)> ReceiveTcpRequestAsync(Socket socket, EndPoint? remote, ConnectionBuffers buffers, CancellationToken cancellationToken)
    {
        var frame = buffers.Frame;
        if (!await ReceiveExactlyAsync(socket, frame.AsMemory(0, ModbusLimits.MbapHeaderLength), cancellationToken).ConfigureAwait(false))
        {
            return (0, false);
        }

        var header = ModbusTcpFraming.ReadHeader(frame);
        if (ModbusTcpFraming.CheckHeader(header) is { } problem)
        {
            _logger.MalformedFrame(remote, problem);
            return (0, false);
        }

        if (!await ReceiveExactlyAsync(socket, frame.AsMemory(ModbusLimits.MbapHeaderLength, header.PduLength), cancellationToken).ConfigureAwait(false))
        {
            _logger.MalformedFrame(remote, "connection closed inside a frame");
            return (0, false);
        }

        var pdu = frame.AsSpan(ModbusLimits.MbapHeaderLength, header.PduLength);
        byte functionCode = pdu[0];
        Interlocked.Increment(ref _functionCodeCounts[functionCode]);
        var response = buffers.Response;
        if (!ModbusFunctionCodes.TryGetTable(functionCode, out var table))
        {
            return (ModbusTcpFraming.WriteExceptionResponse(response, header.TransactionId, header.UnitId, functionCode, ModbusExceptionCode.IllegalFunction), true);
        }

        if (!ModbusTcpFraming.TryReadRequestPdu(pdu, out ushort startAddress, out ushort count))
        {
            _logger.MalformedFrame(remote, "read request PDU is not 5 bytes");
            return (0, false);
        }

        var outcome = Read(header.UnitId, table, startAddress, count, buffers);
        int length = outcome switch
        {
            ReadOutcome.Registers => ModbusTcpFraming.WriteRegistersResponse(response, header.TransactionId, header.UnitId, functionCode, buffers.Registers.AsSpan(0, count)),
            ReadOutcome.Bits => ModbusTcpFraming.WriteBitsResponse(response, header.TransactionId, header.UnitId, functionCode, buffers.Bits.AsSpan(0, count)),
            _ => ModbusTcpFraming.WriteExceptionResponse(response, header.TransactionId, header.UnitId, functionCode, buffers.Error),
        };
        return (length, true);
    }

    /// <summary>Reads one RTU frame and builds the answer: (response length, keep the connection open).</summary>
    private async ValueTask<(int Length, bool KeepOpen)> ReceiveRtuRequestAsync(Socket socket, EndPoint? remote, ConnectionBuffers buffers, CancellationToken cancellationToken)
    {
        var frame = buffers.Frame;
        if (!await ReceiveExactlyAsync(socket, frame.AsMemory(0, 2), cancellationToken).ConfigureAwait(false))
        {
            return (0, false);
        }

        byte unitId = frame[0];
        byte functionCode = frame[1];
        Interlocked.Increment(ref _functionCodeCounts[functionCode]);
        var response = buffers.Response;
        if (!ModbusFunctionCodes.TryGetTable(functionCode, out var table))
        {
            // RTU frames carry no length: the end of an unknown request cannot be found, so answer and hang up.
            return (ModbusRtuFraming.WriteExceptionResponse(response, unitId, functionCode, ModbusExceptionCode.IllegalFunction), false);
        }

        if (!await ReceiveExactlyAsync(socket, frame.AsMemory(2, ModbusRtuFraming.ReadRequestLength - 2), cancellationToken).ConfigureAwait(false))
        {
            _logger.MalformedFrame(remote, "connection closed inside a frame");
            return (0, false);
        }

        var request = frame.AsSpan(0, ModbusRtuFraming.ReadRequestLength);
        if (ModbusRtuFraming.Crc16(request[..^2]) != BinaryPrimitives.ReadUInt16LittleEndian(request[^2..]))
        {
            _logger.MalformedFrame(remote, "CRC mismatch");
            return (0, false);
        }

        ushort startAddress = BinaryPrimitives.ReadUInt16BigEndian(request[2..]);
        ushort count = BinaryPrimitives.ReadUInt16BigEndian(request[4..]);
        var outcome = Read(unitId, table, startAddress, count, buffers);
        int length = outcome switch
        {
            ReadOutcome.Registers => ModbusRtuFraming.WriteRegistersResponse(response, unitId, functionCode, buffers.Registers.AsSpan(0, count)),
            ReadOutcome.Bits => ModbusRtuFraming.WriteBitsResponse(response, unitId, functionCode, buffers.Bits.AsSpan(0, count)),
            _ => ModbusRtuFraming.WriteExceptionResponse(response, unitId, functionCode, buffers.Error),
        };
        return (length, true);
    }

    /// <summary>Validates a read and fills the connection's value buffer, or sets its error code.</summary>
    private ReadOutcome Read(byte unitId, ModbusTable table, ushort startAddress, ushort count, ConnectionBuffers buffers)
    {
        bool isBits = ModbusFunctionCodes.IsBitTable(table);
        int max = isBits ? ModbusLimits.MaxBitsPerRead : ModbusLimits.MaxRegistersPerRead;
        if (count < 1 || count > max)
        {
            buffers.Error = ModbusExceptionCode.IllegalDataValue;
            return ReadOutcome.Error;
        }

        if (startAddress + count > ModbusLimits.AddressSpace)
        {
            buffers.Error = ModbusExceptionCode.IllegalDataAddress;
            return ReadOutcome.Error;
        }

        ModbusExceptionCode error;
        if (isBits ? _store.TryReadBits(unitId, table, startAddress, buffers.Bits.AsSpan(0, count), out error)
                   : _store.TryReadRegisters(unitId, table, startAddress, buffers.Registers.AsSpan(0, count), out error))
        {
            return isBits ? ReadOutcome.Bits : ReadOutcome.Registers;
        }

        buffers.Error = error;
        return ReadOutcome.Error;
    }

    /// <summary>False when the peer closed the connection before the buffer was full.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int received = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return false;
            }

            read += received;
        }

        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendAsync(Socket socket, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            int sent = await socket.SendAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            buffer = buffer[sent..];
        }
    }

    private enum ReadOutcome
    {
        Registers,
        Bits,
        Error,
    }

    /// <summary>Per-connection buffers, allocated once so serving a request does not allocate.</summary>
    private sealed class ConnectionBuffers
    {
        public byte[] Frame { get; } = new byte[ModbusLimits.MaxAduLength];

        public byte[] Response { get; } = new byte[ModbusLimits.MaxAduLength];

        public ushort[] Registers { get; } = new ushort[ModbusLimits.MaxRegistersPerRead];

        public bool[] Bits { get; } = new bool[ModbusLimits.MaxBitsPerRead];

        public ModbusExceptionCode Error { get; set; }
    }
}
