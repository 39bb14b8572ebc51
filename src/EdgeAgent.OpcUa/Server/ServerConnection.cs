using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Services;
using EdgeAgent.OpcUa.Transport;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa.Server;

/// <summary>
/// One client connection of the server: UA-TCP Hello/Acknowledge, then one secure channel with SecurityPolicy None
/// (OpenSecureChannel issue and renew, CloseSecureChannel), reassembly of request chunks and chunking of responses to
/// the client's receive buffer. Requests go to the server; responses may be sent from any thread.
/// </summary>
internal sealed class ServerConnection : IAsyncDisposable
{
    private const int SymmetricHeaderSize = 16;
    private const int SequenceHeaderSize = 8;
    private readonly OpcUaServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Dictionary<uint, ArrayBufferWriter<byte>> _partial = [];
    private readonly byte[] _header = new byte[MessageChunkHeader.Size];
    private int _receiveBufferSize;
    private int _sendBufferSize;
    private uint _sendSequence;
    private uint _tokenId;
    private int _closed;
    private int _broken;

    public ServerConnection(OpcUaServer server, Socket socket, uint channelId, ILogger logger)
    {
        _server = server;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _logger = logger;
        ChannelId = channelId;
        _receiveBufferSize = server.Options.BufferSize;
        _sendBufferSize = server.Options.BufferSize;
    }

    public uint ChannelId { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0 || Volatile.Read(ref _broken) != 0;

    /// <summary>Serves the connection until the client closes it, it breaks, or the server stops.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await HelloAsync(cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                var (header, chunk) = await ReadChunkAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!await ProcessChunkAsync(header, chunk.AsMemory(0, (int)header.MessageSize)).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }
            }
        }
        catch (OpcUaException ex)
        {
            ServerLog.ConnectionError(_logger, ChannelId, ex.StatusCode, ex.Message);
            await SendErrorAsync(ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var (header, chunk) = await ReadChunkAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (header.MessageType != MessageChunkHeader.Hello)
            {
                throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, $"Expected HEL, got {header.TypeName}.");
            }

            var decoder = new BinaryDecoder(chunk.AsSpan(MessageChunkHeader.Size, (int)header.MessageSize - MessageChunkHeader.Size), DecodingLimits.Default with { MaxStringLength = 4096 });
            decoder.ReadUInt32(); // protocol version: 0 is the only one
            var clientReceive = decoder.ReadUInt32();
            var clientSend = decoder.ReadUInt32();
            decoder.ReadUInt32(); // client max message size: ours are small
            decoder.ReadUInt32(); // client max chunk count
            var endpointUrl = decoder.ReadString();
            if (clientReceive < 8192 || clientSend < 8192)
            {
                throw new OpcUaConnectionException(StatusCodes.BadTcpInternalError, "Buffer sizes below 8192.");
            }

            // We send no larger chunks than the client receives and accept no larger than it sends (Part 6 §7.1.2.3).
            _sendBufferSize = (int)Math.Min((uint)_server.Options.BufferSize, clientReceive);
            _receiveBufferSize = (int)Math.Min((uint)_server.Options.BufferSize, clientSend);
            var ack = new byte[MessageChunkHeader.Size + 20];
            MessageChunkHeader.Write(ack, MessageChunkHeader.Acknowledge, MessageChunkHeader.Final, ack.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(ack.AsSpan(8), 0);
            BinaryPrimitives.WriteUInt32LittleEndian(ack.AsSpan(12), (uint)_receiveBufferSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ack.AsSpan(16), (uint)_sendBufferSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ack.AsSpan(20), (uint)_server.Options.MaxMessageSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ack.AsSpan(24), 0);
            await WriteAsync(ack, CancellationToken.None).ConfigureAwait(false);
            ServerLog.Hello(_logger, ChannelId, endpointUrl);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task<(MessageChunkHeader Header, byte[] Chunk)> ReadChunkAsync(CancellationToken cancellationToken)
    {
        await _stream.ReadExactlyAsync(_header, cancellationToken).ConfigureAwait(false);
        var header = MessageChunkHeader.Read(_header);
        if (header.MessageSize < MessageChunkHeader.Size + 4 || header.MessageSize > (uint)_receiveBufferSize)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTooLarge, $"Chunk size {header.MessageSize} outside 12..{_receiveBufferSize}.");
        }

        var chunk = ArrayPool<byte>.Shared.Rent((int)header.MessageSize);
        _header.CopyTo(chunk, 0);
        try
        {
            await _stream.ReadExactlyAsync(chunk.AsMemory(MessageChunkHeader.Size, (int)header.MessageSize - MessageChunkHeader.Size), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(chunk);
            throw;
        }

        return (header, chunk);
    }

    /// <summary>Handles one chunk; false when the channel was closed by the client.</summary>
    private async Task<bool> ProcessChunkAsync(MessageChunkHeader header, ReadOnlyMemory<byte> chunk)
    {
        uint requestId;
        ReadOnlyMemory<byte> body;
        if (header.MessageType == MessageChunkHeader.Open)
        {
            (requestId, body) = ParseOpenChunk(chunk);
        }
        else if (header.MessageType is MessageChunkHeader.Message or MessageChunkHeader.Close)
        {
            (requestId, body) = ParseSymmetricChunk(chunk);
        }
        else
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, $"Unexpected {header.TypeName} on an open connection.");
        }

        if (header.ChunkType == MessageChunkHeader.Abort)
        {
            _partial.Remove(requestId);
            return true;
        }

        if (header.ChunkType == MessageChunkHeader.Intermediate || _partial.ContainsKey(requestId))
        {
            if (!_partial.TryGetValue(requestId, out var assembly))
            {
                assembly = new ArrayBufferWriter<byte>();
                _partial[requestId] = assembly;
            }

            if (assembly.WrittenCount + body.Length > _server.Options.MaxMessageSize)
            {
                throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTooLarge, "Request larger than the maximum message size.");
            }

            assembly.Write(body.Span);
            if (header.ChunkType == MessageChunkHeader.Intermediate)
            {
                return true;
            }

            _partial.Remove(requestId);
            body = assembly.WrittenMemory;
        }

        IServiceRequest? request;
        RequestHeader requestHeader;
        NodeId typeId;
        try
        {
            request = RequestDecoder.Decode(body.Span, DecodingLimits.Default, out requestHeader, out typeId);
        }
        catch (OpcUaDecodingException ex)
        {
            throw new OpcUaConnectionException(StatusCodes.BadDecodingError, "Undecodable request: " + ex.Message, ex);
        }

        switch (request)
        {
            case OpenSecureChannelRequest open:
                await OpenAsync(requestId, open).ConfigureAwait(false);
                return true;
            case CloseSecureChannelRequest:
                ServerLog.ChannelClosed(_logger, ChannelId);
                return false;
            case null:
                ServerLog.ServiceUnsupported(_logger, ChannelId, typeId);
                await SendResponseAsync(requestId, OpcUaServer.Fault(requestHeader, StatusCodes.BadServiceUnsupported)).ConfigureAwait(false);
                return true;
            default:
                await _server.HandleAsync(this, requestId, request).ConfigureAwait(false);
                return true;
        }
    }

    private static (uint RequestId, ReadOnlyMemory<byte> Body) ParseOpenChunk(ReadOnlyMemory<byte> chunk)
    {
        var decoder = new BinaryDecoder(chunk.Span, DecodingLimits.Default with { MaxByteStringLength = 65536 });
        decoder.ReadBytes(MessageChunkHeader.Size);
        decoder.ReadUInt32(); // channel id: 0 on issue, ours on renew
        var policy = decoder.ReadString();
        decoder.ReadByteString();
        decoder.ReadByteString();
        if (!string.Equals(policy, SecurityPolicyUris.None, StringComparison.Ordinal))
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecurityPolicyRejected, $"Only {SecurityPolicyUris.None} is served.");
        }

        var offset = decoder.Position;
        var requestId = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Span[(offset + 4)..]);
        return (requestId, chunk[(offset + SequenceHeaderSize)..]);
    }

    private (uint RequestId, ReadOnlyMemory<byte> Body) ParseSymmetricChunk(ReadOnlyMemory<byte> chunk)
    {
        var span = chunk.Span;
        if (span.Length < SymmetricHeaderSize + SequenceHeaderSize)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, "Chunk too short.");
        }

        var channelId = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        if (channelId != ChannelId || _tokenId == 0)
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecureChannelIdInvalid, $"Chunk for channel {channelId}, this is {ChannelId}.");
        }

        var requestId = BinaryPrimitives.ReadUInt32LittleEndian(span[(SymmetricHeaderSize + 4)..]);
        return (requestId, chunk[(SymmetricHeaderSize + SequenceHeaderSize)..]);
    }

    private async Task OpenAsync(uint requestId, OpenSecureChannelRequest open)
    {
        if (open.SecurityMode != MessageSecurityMode.None)
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecurityModeRejected, "Only security mode None is served.");
        }

        if (open.RequestType == SecurityTokenRequestType.Renew && _tokenId == 0)
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecureChannelIdInvalid, "Renew before issue.");
        }

        _tokenId++;
        var lifetime = Math.Clamp(open.RequestedLifetime, 60_000u, 3_600_000u);
        var response = new OpenSecureChannelResponse
        {
            ResponseHeader = new ResponseHeader { Timestamp = DateTime.UtcNow, RequestHandle = open.RequestHeader.RequestHandle },
            ServerProtocolVersion = 0,
            SecurityToken = new ChannelSecurityToken { ChannelId = ChannelId, TokenId = _tokenId, CreatedAt = DateTime.UtcNow, RevisedLifetime = lifetime },
            ServerNonce = [],
        };
        await SendAsync(MessageChunkHeader.Open, requestId, response).ConfigureAwait(false);
    }

    /// <summary>Sends a service response (chunked to the client's receive buffer). Lost connections are ignored.</summary>
    public Task SendResponseAsync(uint requestId, IServiceResponse response) => SendAsync(MessageChunkHeader.Message, requestId, response);

    private async Task SendAsync(uint messageType, uint requestId, IServiceResponse response)
    {
        if (IsClosed)
        {
            return;
        }

        using var body = new BinaryEncoder(1024);
        body.WriteNodeId(RequestDecoder.EncodingId(response));
        response.Encode(body);
        var data = body.WrittenMemory;

        using var headerEncoder = new BinaryEncoder(128);
        headerEncoder.GetSpan(MessageChunkHeader.Size);
        headerEncoder.WriteUInt32(ChannelId);
        if (messageType == MessageChunkHeader.Open)
        {
            headerEncoder.WriteString(SecurityPolicyUris.None);
            headerEncoder.WriteByteString((byte[]?)null);
            headerEncoder.WriteByteString((byte[]?)null);
        }
        else
        {
            headerEncoder.WriteUInt32(_tokenId);
        }

        var headerLength = headerEncoder.Position;
        var maxBody = _sendBufferSize - headerLength - SequenceHeaderSize;
        var chunkCount = Math.Max(1, (data.Length + maxBody - 1) / maxBody);
        var buffer = ArrayPool<byte>.Shared.Rent(_sendBufferSize);
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            headerEncoder.WrittenSpan.CopyTo(buffer);
            for (var i = 0; i < chunkCount; i++)
            {
                var slice = data.Slice(i * maxBody, Math.Min(maxBody, data.Length - (i * maxBody)));
                var length = headerLength + SequenceHeaderSize + slice.Length;
                MessageChunkHeader.Write(buffer, messageType, i == chunkCount - 1 ? MessageChunkHeader.Final : MessageChunkHeader.Intermediate, length);
                BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(headerLength), ++_sendSequence);
                BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(headerLength + 4), requestId);
                slice.Span.CopyTo(buffer.AsSpan(headerLength + SequenceHeaderSize));
                await WriteAsync(buffer.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The client is gone; its sessions outlive the connection until they time out.
            Interlocked.Exchange(ref _broken, 1);
        }
        finally
        {
            _sendLock.Release();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendErrorAsync(StatusCode status, string reason)
    {
        try
        {
            using var encoder = new BinaryEncoder(256);
            encoder.GetSpan(MessageChunkHeader.Size);
            encoder.WriteStatusCode(status);
            encoder.WriteString(reason.Length > 1000 ? reason[..1000] : reason);
            var bytes = encoder.WrittenSpan.ToArray();
            MessageChunkHeader.Write(bytes, MessageChunkHeader.Error, MessageChunkHeader.Final, bytes.Length);
            await _sendLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Nobody left to tell.
        }
    }

    private ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Closes the socket (the server's stop, or the end of <see cref="RunAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already reset by the client.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _server.OnConnectionClosed(this);
    }
}
