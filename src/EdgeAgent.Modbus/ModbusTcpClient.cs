using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.Modbus;

/// <summary>
/// Modbus TCP client over one TCP connection: reads only (function codes 1–4), one request in flight at a time.
/// </summary>
/// <remarks>
/// <para>Reads connect on demand. After a timeout, a protocol error or a lost connection the socket is closed, so the
/// next call (or <see cref="ConnectAsync"/>) opens a fresh connection; retry and backoff belong to the caller.</para>
/// <para>Socket failures (refused, reset, unreachable) surface as <see cref="ModbusConnectionException"/> with the
/// <see cref="SocketException"/> as inner exception and its <see cref="SocketError"/> copied; see
/// <see cref="IModbusClient"/> for the whole failure contract.</para>
/// </remarks>
public sealed class ModbusTcpClient : IModbusClient
{
    private readonly string _host;
    private readonly int _port;
    private readonly byte _unitId;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;

    // Why a semaphore: Modbus TCP allows pipelining, but many devices and gateways mishandle it, and one request at a
    // time keeps the transaction check simple and a late answer impossible once a timed-out connection is closed.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ModbusFrameFormat _frameFormat;
    private readonly byte[] _request = new byte[ModbusTcpFraming.ReadRequestLength];
    private readonly byte[] _response = new byte[ModbusLimits.MaxAduLength];
    private Socket? _socket;
    private CancellationTokenSource? _timeout;
    private ushort _transactionId;
    private volatile bool _disposed;

    /// <summary>Creates a client; nothing is connected until the first call.</summary>
    public ModbusTcpClient(ModbusTcpClientOptions options, ILogger<ModbusTcpClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero);
        _host = options.Host;
        _port = options.Port;
        _unitId = options.UnitId;
        _connectTimeout = options.ConnectTimeout;
        _requestTimeout = options.RequestTimeout;
        _frameFormat = options.FrameFormat;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Creates a client for <paramref name="host"/>:<paramref name="port"/> with default timeouts.</summary>
    public ModbusTcpClient(string host, int port, byte unitId = 1, ILogger<ModbusTcpClient>? logger = null)
        : this(new ModbusTcpClientOptions { Host = host, Port = port, UnitId = unitId }, logger)
    {
    }

    /// <summary>Server host name or address.</summary>
    public string Host => _host;

    /// <summary>Server TCP port.</summary>
    public int Port => _port;

    /// <summary>Unit id sent with every request.</summary>
    public byte UnitId => _unitId;

    /// <summary>Framing used on the stream (Modbus TCP unless configured otherwise).</summary>
    public ModbusFrameFormat FrameFormat => _frameFormat;

    /// <summary>Time allowed for one request.</summary>
    public TimeSpan RequestTimeout => _requestTimeout;

    /// <inheritdoc/>
    public bool IsConnected => Volatile.Read(ref _socket) is { Connected: true };

    /// <inheritdoc/>
    public async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_socket is null)
            {
                await ConnectCoreAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool[]> ReadCoilsAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default)
    {
        CheckRange(ModbusTable.Coil, startAddress, count);
        var result = new bool[count];
        await ReadBitsAsync(ModbusTable.Coil, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc/>
    public async ValueTask<bool[]> ReadDiscreteInputsAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default)
    {
        CheckRange(ModbusTable.DiscreteInput, startAddress, count);
        var result = new bool[count];
        await ReadBitsAsync(ModbusTable.DiscreteInput, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc/>
    public async ValueTask<ushort[]> ReadHoldingRegistersAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default)
    {
        CheckRange(ModbusTable.HoldingRegister, startAddress, count);
        var result = new ushort[count];
        await ReadRegistersAsync(ModbusTable.HoldingRegister, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc/>
    public async ValueTask<ushort[]> ReadInputRegistersAsync(ushort startAddress, ushort count, CancellationToken cancellationToken = default)
    {
        CheckRange(ModbusTable.InputRegister, startAddress, count);
        var result = new ushort[count];
        await ReadRegistersAsync(ModbusTable.InputRegister, startAddress, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads holding registers into a caller-provided buffer (no result allocation).</summary>
    public ValueTask ReadHoldingRegistersAsync(ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(ModbusTable.HoldingRegister, startAddress, destination, cancellationToken);

    /// <summary>Reads input registers into a caller-provided buffer (no result allocation).</summary>
    public ValueTask ReadInputRegistersAsync(ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(ModbusTable.InputRegister, startAddress, destination, cancellationToken);

    /// <summary>Reads coils into a caller-provided buffer (no result allocation).</summary>
    public ValueTask ReadCoilsAsync(ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default) =>
        ReadBitsAsync(ModbusTable.Coil, startAddress, destination, cancellationToken);

    /// <summary>Reads discrete inputs into a caller-provided buffer (no result allocation).</summary>
    public ValueTask ReadDiscreteInputsAsync(ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default) =>
        ReadBitsAsync(ModbusTable.DiscreteInput, startAddress, destination, cancellationToken);

    /// <inheritdoc/>
    public ValueTask ReadRegistersAsync(ModbusTable table, ushort startAddress, Memory<ushort> destination, CancellationToken cancellationToken = default)
    {
        if (ModbusFunctionCodes.IsBitTable(table))
        {
            throw new ArgumentException($"{table} holds bits; use {nameof(ReadBitsAsync)}.", nameof(table));
        }

        CheckRange(table, startAddress, destination.Length);
        return ReadCoreAsync(table, startAddress, destination, default, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask ReadBitsAsync(ModbusTable table, ushort startAddress, Memory<bool> destination, CancellationToken cancellationToken = default)
    {
        if (!ModbusFunctionCodes.IsBitTable(table))
        {
            throw new ArgumentException($"{table} holds registers; use {nameof(ReadRegistersAsync)}.", nameof(table));
        }

        CheckRange(table, startAddress, destination.Length);
        return ReadCoreAsync(table, startAddress, default, destination, cancellationToken);
    }

    /// <summary>Closes the connection if open; the next call reconnects.</summary>
    public async ValueTask DisconnectAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Close(_socket);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Close before taking the gate: disposing must also abort a request that is stuck waiting for an answer.
        _disposed = true;
        Close(Volatile.Read(ref _socket));
        if (await _gate.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false))
        {
            _timeout?.Dispose();
            _timeout = null;
            _gate.Release();
        }
    }

    private static void CheckRange(ModbusTable table, ushort startAddress, int count)
    {
        int max = ModbusFunctionCodes.IsBitTable(table) ? ModbusLimits.MaxBitsPerRead : ModbusLimits.MaxRegistersPerRead;
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A {table} read covers 1..{max} items.");
        }

        if (startAddress + count > ModbusLimits.AddressSpace)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Address {startAddress} + {count} runs past 65535.");
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadCoreAsync(ModbusTable table, ushort startAddress, Memory<ushort> registers, Memory<bool> bits, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte functionCode = ModbusFunctionCodes.ForTable(table);
        ushort count = (ushort)(ModbusFunctionCodes.IsBitTable(table) ? bits.Length : registers.Length);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var socket = _socket ?? await ConnectCoreAsync(cancellationToken).ConfigureAwait(false);
            var timeout = RequestTimeoutSource();
            // Registering on a token that cannot be canceled is free; the caller's cancellation also cancels the timeout source.
            using var callerRegistration = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
            timeout.CancelAfter(_requestTimeout);
            try
            {
                int dataOffset = _frameFormat == ModbusFrameFormat.Tcp
                    ? await ExchangeTcpAsync(socket, functionCode, startAddress, count, timeout.Token).ConfigureAwait(false)
                    : await ExchangeRtuAsync(socket, functionCode, startAddress, count, timeout.Token).ConfigureAwait(false);
                var data = _response.AsSpan(dataOffset);
                if (registers.Length > 0)
                {
                    ModbusTcpFraming.DecodeRegisters(data, registers.Span);
                }
                else
                {
                    ModbusTcpFraming.DecodeBits(data, bits.Span);
                }
            }
            catch (ModbusException ex)
            {
                // A well-formed refusal: the stream is still in sync, keep the connection.
                _logger.ExceptionResponse(_host, _port, functionCode, startAddress, count, ex.ExceptionCode);
                throw;
            }
            catch (ModbusProtocolException ex)
            {
                _logger.ProtocolError(_host, _port, ex);
                Close(socket);
                throw;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_disposed)
            {
                // A late answer would be read as the answer to the next request: drop the connection.
                _logger.RequestTimedOut(_host, _port, _requestTimeout.TotalMilliseconds, functionCode, startAddress, count);
                Close(socket);
                throw new ModbusTimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Modbus server {_host}:{_port} did not answer {ModbusFunctionCodes.Name(functionCode)} unit {_unitId} address {startAddress} count {count} within {_requestTimeout.TotalMilliseconds} ms; connection closed."));
            }
            catch (OperationCanceledException)
            {
                Close(socket);
                ObjectDisposedException.ThrowIf(_disposed, this);
                throw;
            }
            catch (Exception ex) when (ex is SocketException or ModbusConnectionException or ObjectDisposedException)
            {
                Close(socket);
                ObjectDisposedException.ThrowIf(_disposed, this);
                _logger.ConnectionLost(_host, _port, ex);
                if (ex is SocketException socketException)
                {
                    throw new ModbusConnectionException(
                        $"Modbus TCP connection to {_host}:{_port} failed during {ModbusFunctionCodes.Name(functionCode)}: {socketException.SocketErrorCode} ({socketException.Message}).",
                        socketException.SocketErrorCode,
                        socketException);
                }

                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends an MBAP-framed request and returns the offset of the checked response data in the receive buffer.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ExchangeTcpAsync(Socket socket, byte functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken)
    {
        ushort transactionId = unchecked(++_transactionId);
        int requestLength = ModbusTcpFraming.WriteReadRequest(_request, transactionId, _unitId, functionCode, startAddress, count);
        await SendAsync(socket, _request.AsMemory(0, requestLength), cancellationToken).ConfigureAwait(false);
        await ReceiveExactlyAsync(socket, _response.AsMemory(0, ModbusLimits.MbapHeaderLength), 0, cancellationToken).ConfigureAwait(false);
        var header = ModbusTcpFraming.ReadHeader(_response);
        if (ModbusTcpFraming.CheckHeader(header) is { } problem)
        {
            // Do not read on: the length field cannot be trusted to frame anything.
            throw new ModbusProtocolException("Malformed Modbus TCP response: " + problem + ".");
        }

        await ReceiveExactlyAsync(socket, _response.AsMemory(ModbusLimits.MbapHeaderLength, header.PduLength), ModbusLimits.MbapHeaderLength, cancellationToken)
            .ConfigureAwait(false);
        ModbusTcpFraming.CheckReadResponse(
            header, _response.AsSpan(ModbusLimits.MbapHeaderLength, header.PduLength), transactionId, _unitId, functionCode, startAddress, count);
        return ModbusLimits.MbapHeaderLength + 2;
    }

    /// <summary>Sends an RTU-framed request and returns the offset of the checked response data in the receive buffer.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ExchangeRtuAsync(Socket socket, byte functionCode, ushort startAddress, ushort count, CancellationToken cancellationToken)
    {
        int requestLength = ModbusRtuFraming.WriteReadRequest(_request, _unitId, functionCode, startAddress, count);
        await SendAsync(socket, _request.AsMemory(0, requestLength), cancellationToken).ConfigureAwait(false);
        await ReceiveExactlyAsync(socket, _response.AsMemory(0, ModbusRtuFraming.ResponsePrefixLength), 0, cancellationToken).ConfigureAwait(false);
        int length = ModbusRtuFraming.ResponseLength(_response, _unitId, functionCode);
        await ReceiveExactlyAsync(
            socket, _response.AsMemory(ModbusRtuFraming.ResponsePrefixLength, length - ModbusRtuFraming.ResponsePrefixLength), ModbusRtuFraming.ResponsePrefixLength, cancellationToken)
            .ConfigureAwait(false);
        ModbusRtuFraming.CheckReadResponse(_response.AsSpan(0, length), _unitId, functionCode, startAddress, count);
        return ModbusRtuFraming.ResponsePrefixLength;
    }

    /// <summary>
    /// A reset timeout source, reused across requests while none fires (runs under the gate), so the hot path
    /// does not allocate one per request.
    /// </summary>
    private CancellationTokenSource RequestTimeoutSource()
    {
        if (_timeout is null || !_timeout.TryReset())
        {
            _timeout?.Dispose();
            _timeout = new CancellationTokenSource();
        }

        return _timeout;
    }

    private async ValueTask<Socket> ConnectCoreAsync(CancellationToken cancellationToken)
    {
        _logger.Connecting(_host, _port);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connectTimeout);
        try
        {
            await socket.ConnectAsync(_host, _port, timeout.Token).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            _logger.ConnectFailed(_host, _port, ex.SocketErrorCode);
            throw new ModbusConnectionException(
                $"Cannot connect to Modbus TCP server {_host}:{_port}: {ex.SocketErrorCode} ({ex.Message}).", ex.SocketErrorCode, ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            _logger.ConnectTimedOut(_host, _port, _connectTimeout.TotalMilliseconds);
            throw new ModbusTimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"Connecting to Modbus TCP server {_host}:{_port} took longer than {_connectTimeout.TotalMilliseconds} ms."));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (_disposed)
        {
            socket.Dispose();
            ObjectDisposedException.ThrowIf(true, this);
        }

        Volatile.Write(ref _socket, socket);
        _logger.Connected(_host, _port);
        return socket;
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

    /// <summary>Fills <paramref name="buffer"/>; <paramref name="alreadyRead"/> bytes of the frame came before it (for the message).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, int alreadyRead, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int received = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                int total = alreadyRead + read;
                if (total == 0)
                {
                    throw new ModbusConnectionException($"Modbus TCP server {_host}:{_port} closed the connection.");
                }

                throw new ModbusProtocolException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Truncated Modbus TCP response: {_host}:{_port} closed the connection after {total} of {alreadyRead + buffer.Length} bytes."));
            }

            read += received;
        }
    }

    private void Close(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        // Only forget the socket if it is still the current one (a reconnect may already have replaced it).
        if (Interlocked.CompareExchange(ref _socket, null, socket) == socket)
        {
            _logger.Disconnected(_host, _port);
        }

        socket.Dispose();
    }
}
