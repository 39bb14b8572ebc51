using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using EdgeAgent.OpcUa.Encoding;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa.Transport;

/// <summary>
/// The UA-TCP connection (Part 6 §7.1): connects, exchanges Hello/Acknowledge, then reads and writes whole chunks,
/// refusing any chunk larger than the negotiated receive buffer before reading its body.
/// </summary>
internal sealed class UaTcpTransport : IAsyncDisposable
{
    private const int MinBufferSize = 8192;
    private const int MaxEndpointUrlLength = 4096;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _headerBuffer = new byte[MessageChunkHeader.Size];
    private readonly ILogger _logger;
    private int _disposed;

    private UaTcpTransport(Socket socket, ILogger logger)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _logger = logger;
        Limits = new NegotiatedLimits(MinBufferSize, MinBufferSize, 0, 0, 0, 0);
    }

    public NegotiatedLimits Limits { get; private set; }

    /// <summary>Parses <c>opc.tcp://host:port/path</c>.</summary>
    public static (string Host, int Port) ParseEndpointUrl(string endpointUrl)
    {
        if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || !string.Equals(uri.Scheme, "opc.tcp", StringComparison.OrdinalIgnoreCase))
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpEndpointUrlInvalid, $"'{endpointUrl}' is not an opc.tcp:// URL.");
        }

        return (uri.IdnHost, uri.Port > 0 ? uri.Port : 4840);
    }

    public static async Task<UaTcpTransport> ConnectAsync(string endpointUrl, TransportLimits limits, ILogger logger, CancellationToken cancellationToken)
    {
        var (host, port) = ParseEndpointUrl(endpointUrl);
        if (System.Text.Encoding.UTF8.GetByteCount(endpointUrl) > MaxEndpointUrlLength)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpEndpointUrlInvalid, "Endpoint URL is longer than 4096 bytes.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        UaTcpTransport? transport = null;
        try
        {
            try
            {
                await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new OpcUaConnectionException(StatusCodes.BadNotConnected, $"Cannot connect to {host}:{port}: {ex.SocketErrorCode}.", ex);
            }

            transport = new UaTcpTransport(socket, logger);
            await transport.HelloAsync(endpointUrl, limits, cancellationToken).ConfigureAwait(false);
            OpcUaLog.TransportConnected(logger, endpointUrl, transport.Limits.SendBufferSize, transport.Limits.ReceiveBufferSize);
            return transport;
        }
        catch
        {
            if (transport is not null)
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    private async Task HelloAsync(string endpointUrl, TransportLimits limits, CancellationToken cancellationToken)
    {
        var receive = Math.Max(limits.ReceiveBufferSize, MinBufferSize);
        var send = Math.Max(limits.SendBufferSize, MinBufferSize);
        using (var encoder = new BinaryEncoder(256))
        {
            encoder.GetSpan(MessageChunkHeader.Size);
            encoder.WriteUInt32(0); // protocol version
            encoder.WriteUInt32((uint)receive);
            encoder.WriteUInt32((uint)send);
            encoder.WriteUInt32((uint)Math.Max(limits.MaxMessageSize, 0));
            encoder.WriteUInt32((uint)Math.Max(limits.MaxChunkCount, 0));
            encoder.WriteString(endpointUrl);
            var bytes = encoder.WrittenMemory.ToArray();
            MessageChunkHeader.Write(bytes, MessageChunkHeader.Hello, MessageChunkHeader.Final, bytes.Length);
            await WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        // Before the Acknowledge only small messages are legal: ACK is 28 bytes, ERR at most 4 KiB of reason.
        Limits = new NegotiatedLimits(MinBufferSize, MinBufferSize, 0, 0, 0, 0);
        using var chunk = await ReadChunkAsync(cancellationToken).ConfigureAwait(false);
        if (chunk.Header.MessageType == MessageChunkHeader.Error)
        {
            throw ParseError(chunk.Span[MessageChunkHeader.Size..]);
        }

        if (chunk.Header.MessageType != MessageChunkHeader.Acknowledge || chunk.Length < MessageChunkHeader.Size + 20)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, $"Expected ACK, got {chunk.Header.TypeName}.");
        }

        var body = chunk.Span[MessageChunkHeader.Size..];
        var serverReceive = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var serverSend = BinaryPrimitives.ReadUInt32LittleEndian(body[8..]);
        var serverMaxMessage = BinaryPrimitives.ReadUInt32LittleEndian(body[12..]);
        var serverMaxChunks = BinaryPrimitives.ReadUInt32LittleEndian(body[16..]);
        if (serverReceive < MinBufferSize || serverSend < MinBufferSize)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpInternalError, $"Server buffer sizes {serverReceive}/{serverSend} are below 8192.");
        }

        // We send chunks no larger than the server receives, and accept chunks no larger than both sides agreed.
        Limits = new NegotiatedLimits(
            ReceiveBufferSize: (int)Math.Min((uint)receive, serverSend),
            SendBufferSize: (int)Math.Min((uint)send, serverReceive),
            MaxReceiveMessageSize: Math.Max(limits.MaxMessageSize, 0),
            MaxReceiveChunkCount: Math.Max(limits.MaxChunkCount, 0),
            MaxSendMessageSize: (int)Math.Min(serverMaxMessage, int.MaxValue),
            MaxSendChunkCount: (int)Math.Min(serverMaxChunks, int.MaxValue));
    }

    /// <summary>Parses the body of an ERR message (or of an abort chunk) into an exception.</summary>
    public static OpcUaConnectionException ParseError(ReadOnlySpan<byte> body)
    {
        try
        {
            var decoder = new BinaryDecoder(body, DecodingLimits.Default with { MaxStringLength = 4096 });
            var code = decoder.ReadStatusCode();
            var reason = decoder.ReadString();
            return new OpcUaConnectionException(code, string.IsNullOrEmpty(reason) ? "Server reported an error." : reason);
        }
        catch (OpcUaDecodingException ex)
        {
            return new OpcUaConnectionException(StatusCodes.BadTcpInternalError, "Malformed ERR message.", ex);
        }
    }

    /// <summary>Reads one whole chunk; the caller disposes it.</summary>
    public async Task<ReceivedChunk> ReadChunkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(_headerBuffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new OpcUaConnectionException(StatusCodes.BadConnectionClosed, "The server closed the connection.", ex);
        }
        catch (IOException ex)
        {
            throw new OpcUaConnectionException(StatusCodes.BadConnectionClosed, "The connection was lost: " + ex.Message, ex);
        }

        var header = MessageChunkHeader.Read(_headerBuffer);
        switch (header.MessageType)
        {
            case MessageChunkHeader.Message:
            case MessageChunkHeader.Open:
            case MessageChunkHeader.Close:
            case MessageChunkHeader.Acknowledge:
            case MessageChunkHeader.Error:
                break;
            default:
                throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, $"Unknown message type '{header.TypeName}'.");
        }

        if (header.ChunkType is not (MessageChunkHeader.Final or MessageChunkHeader.Intermediate or MessageChunkHeader.Abort))
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, string.Create(CultureInfo.InvariantCulture, $"Unknown chunk type 0x{header.ChunkType:X2}."));
        }

        if (header.MessageSize < MessageChunkHeader.Size + 4 || header.MessageSize > (uint)Limits.ReceiveBufferSize)
        {
            throw new OpcUaConnectionException(
                StatusCodes.BadTcpMessageTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Chunk size {header.MessageSize} outside 12..{Limits.ReceiveBufferSize}."));
        }

        var length = (int)header.MessageSize;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _headerBuffer.CopyTo(buffer, 0);
            await _stream.ReadExactlyAsync(buffer.AsMemory(MessageChunkHeader.Size, length - MessageChunkHeader.Size), cancellationToken).ConfigureAwait(false);
            return new ReceivedChunk(header, buffer, length);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new OpcUaConnectionException(StatusCodes.BadConnectionClosed, "The connection closed in the middle of a chunk.", ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new OpcUaConnectionException(StatusCodes.BadConnectionClosed, "The connection was lost while sending: " + ex.Message, ex);
        }
        catch (ObjectDisposedException ex)
        {
            throw new OpcUaConnectionException(StatusCodes.BadConnectionClosed, "The connection is closed.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to shut down.
        }
        catch (ObjectDisposedException)
        {
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
