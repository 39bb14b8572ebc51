using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Services;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa.Transport;

/// <summary>
/// A UASC secure channel (Part 6 §6.7) over one UA-TCP connection: opens with OpenSecureChannel, renews the token
/// at 75% of its lifetime, splits requests into chunks that fit the server's receive buffer, reassembles responses
/// within our limits, checks channel id, token id, sequence numbers and request ids, and fails every pending request
/// with a clear status when the connection dies.
/// </summary>
internal sealed class SecureChannel : IAsyncDisposable
{
    private const int SequenceHeaderSize = 8;
    private readonly UaTcpTransport _transport;
    private readonly SecureChannelOptions _options;
    private readonly ISecurityPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<IServiceResponse>> _pending = new();
    private readonly Dictionary<uint, ChunkAssembly> _assemblies = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private ITimer? _renewTimer;
    private uint _requestId;
    private uint _sendSequence;
    private uint? _lastReceivedSequence;
    private uint _channelId;
    private uint _tokenId;
    private uint _previousTokenId;
    private byte[]? _clientNonce;
    private int _closed;

    private SecureChannel(UaTcpTransport transport, SecureChannelOptions options, TimeProvider time, ILogger logger)
    {
        _transport = transport;
        _options = options;
        _policy = options.Policy;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes when the channel is closed; faults with the reason when it is lost.</summary>
    public Task Completion => _completion.Task;

    public uint ChannelId => _channelId;

    public uint TokenId => _tokenId;

    public NegotiatedLimits Limits => _transport.Limits;

    public string EndpointUrl => _options.EndpointUrl;

    /// <summary>The channel's security policy (owned by the channel: disposed with it).</summary>
    public ISecurityPolicy Policy => _policy;

    public static async Task<SecureChannel> OpenAsync(SecureChannelOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.OperationTimeout);
        UaTcpTransport transport;
        try
        {
            transport = await UaTcpTransport.ConnectAsync(options.EndpointUrl, options.TransportLimits, logger, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTimeout, $"No Acknowledge from {options.EndpointUrl} within {options.OperationTimeout}.", ex);
        }

        var channel = new SecureChannel(transport, options, time, logger);
        try
        {
            channel._receiveLoop = Task.Run(channel.ReceiveLoopAsync, CancellationToken.None);
            await channel.OpenOrRenewAsync(SecurityTokenRequestType.Issue, cancellationToken).ConfigureAwait(false);
            return channel;
        }
        catch
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a request and waits for its response; Bad service results are returned, not thrown.</summary>
    public async Task<IServiceResponse> SendRequestAsync(IServiceRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messageType = request is OpenSecureChannelRequest ? MessageChunkHeader.Open : MessageChunkHeader.Message;
        var requestId = NextRequestId();
        var pending = new TaskCompletionSource<IServiceResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = pending;
        try
        {
            if (_completion.Task.IsCompleted)
            {
                throw ClosedException();
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
            linked.CancelAfter(timeout);
            try
            {
                await SendMessageAsync(messageType, requestId, request, linked.Token).ConfigureAwait(false);
                return await pending.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (_completion.Task.IsCompleted)
                {
                    throw ClosedException();
                }

                throw new OpcUaConnectionException(StatusCodes.BadTimeout, $"{request.ServiceName} got no response within {timeout}.", ex);
            }
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private OpcUaConnectionException ClosedException() =>
        _completion.Task.Exception?.InnerException is { } reason
            ? new OpcUaConnectionException(reason is OpcUaException ua ? ua.StatusCode : StatusCodes.BadSecureChannelClosed, "The secure channel was lost.", reason)
            : new OpcUaConnectionException(StatusCodes.BadSecureChannelClosed, "The secure channel is closed.");

    private uint NextRequestId()
    {
        var id = Interlocked.Increment(ref _requestId);
        return id == 0 ? Interlocked.Increment(ref _requestId) : id;
    }

    private async Task OpenOrRenewAsync(SecurityTokenRequestType type, CancellationToken cancellationToken)
    {
        _clientNonce = _policy.CreateNonce();
        var request = new OpenSecureChannelRequest
        {
            RequestHeader = new RequestHeader
            {
                Timestamp = _time.GetUtcNow().UtcDateTime,
                RequestHandle = NextRequestId(),
                TimeoutHint = (uint)_options.OperationTimeout.TotalMilliseconds,
            },
            ClientProtocolVersion = 0,
            RequestType = type,
            SecurityMode = _policy.Mode,
            ClientNonce = _clientNonce,
            RequestedLifetime = (uint)_options.RequestedLifetime.TotalMilliseconds,
        };
        var response = await SendRequestAsync(request, _options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        if (response is ServiceFault fault)
        {
            throw new ServiceResultException(fault.ResponseHeader.ServiceResult, "OpenSecureChannel");
        }

        if (response is not OpenSecureChannelResponse open)
        {
            throw new OpcUaConnectionException(StatusCodes.BadUnknownResponse, "OpenSecureChannel got an unexpected response.");
        }

        if (open.ResponseHeader.ServiceResult.IsBad)
        {
            throw new ServiceResultException(open.ResponseHeader.ServiceResult, "OpenSecureChannel");
        }

        var token = open.SecurityToken;
        if (type == SecurityTokenRequestType.Renew && token.ChannelId != _channelId)
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecureChannelIdInvalid, "Renewed token names another channel.");
        }

        // Switch keys and token id together under the send lock, so no chunk goes out with one and not the other.
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _policy.DeriveKeys(token.TokenId, _clientNonce ?? [], open.ServerNonce ?? []);
            _previousTokenId = _tokenId;
            _channelId = token.ChannelId;
            _tokenId = token.TokenId;
        }
        finally
        {
            _sendLock.Release();
        }

        var lifetime = token.RevisedLifetime == 0 ? (uint)_options.RequestedLifetime.TotalMilliseconds : token.RevisedLifetime;
        if (type == SecurityTokenRequestType.Issue)
        {
            OpcUaLog.ChannelOpened(_logger, _channelId, _policy.Uri, _tokenId, lifetime);
        }
        else
        {
            OpcUaLog.ChannelRenewed(_logger, _channelId, _tokenId, lifetime);
        }

        // Renew at 75% of the lifetime (Part 4 §5.5.2) so the new token exists well before the old one expires.
        _renewTimer?.Dispose();
        var due = TimeSpan.FromMilliseconds(Math.Max(lifetime * 0.75, 1000));
        _renewTimer = _time.CreateTimer(static state => ((SecureChannel)state!).OnRenewTimer(), this, due, Timeout.InfiniteTimeSpan);
    }

    private void OnRenewTimer()
    {
        _ = RenewAsync();
    }

    private async Task RenewAsync()
    {
        try
        {
            await OpenOrRenewAsync(SecurityTokenRequestType.Renew, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OpcUaException or OperationCanceledException)
        {
            if (!_shutdown.IsCancellationRequested)
            {
                OpcUaLog.ChannelRenewFailed(_logger, _channelId, ex);
                Fault(ex as OpcUaException ?? new OpcUaConnectionException(StatusCodes.BadSecureChannelClosed, "Token renewal failed.", ex));
            }
        }
    }

    private async Task SendMessageAsync(uint messageType, uint requestId, IEncodeable message, CancellationToken cancellationToken)
    {
        using var body = new BinaryEncoder(1024);
        var encodingId = message switch
        {
            IServiceRequest request => request.EncodingId,
            _ => throw new ArgumentException("Not a request.", nameof(message)),
        };
        body.WriteNodeId(encodingId);
        message.Encode(body);

        var limits = _transport.Limits;
        if (limits.MaxSendMessageSize > 0 && body.Position > limits.MaxSendMessageSize)
        {
            throw new ServiceResultException(StatusCodes.BadRequestTooLarge, (message as IServiceRequest)?.ServiceName, $"{body.Position} bytes exceed the server's {limits.MaxSendMessageSize}.");
        }

        var asymmetric = messageType == MessageChunkHeader.Open;
        var chunkBuffer = ArrayPool<byte>.Shared.Rent(limits.SendBufferSize);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var headerLength = WriteSecurityHeaders(chunkBuffer, messageType, asymmetric);
            var maxBody = _policy.GetMaxBodySize(limits.SendBufferSize - headerLength, asymmetric);
            var chunkCount = Math.Max(1, (body.Position + maxBody - 1) / maxBody);
            if (limits.MaxSendChunkCount > 0 && chunkCount > limits.MaxSendChunkCount)
            {
                throw new ServiceResultException(StatusCodes.BadRequestTooLarge, (message as IServiceRequest)?.ServiceName, $"{chunkCount} chunks exceed the server's {limits.MaxSendChunkCount}.");
            }

            var data = body.WrittenMemory;
            for (var i = 0; i < chunkCount; i++)
            {
                var slice = data.Slice(i * maxBody, Math.Min(maxBody, data.Length - (i * maxBody)));
                var isFinal = i == chunkCount - 1;
                chunkBuffer[3] = isFinal ? MessageChunkHeader.Final : MessageChunkHeader.Intermediate;
                var offset = headerLength;
                BinaryPrimitives.WriteUInt32LittleEndian(chunkBuffer.AsSpan(offset), ++_sendSequence);
                BinaryPrimitives.WriteUInt32LittleEndian(chunkBuffer.AsSpan(offset + 4), requestId);
                slice.Span.CopyTo(chunkBuffer.AsSpan(offset + SequenceHeaderSize));
                var length = _policy.SecureChunk(chunkBuffer.AsSpan(0, limits.SendBufferSize), headerLength, SequenceHeaderSize + slice.Length, asymmetric);

                // Once the first chunk is on the wire the message must be finished, or the server would wait for
                // the rest forever: do not let a caller's cancellation split it.
                await _transport.WriteAsync(chunkBuffer.AsMemory(0, length), i == 0 ? cancellationToken : _shutdown.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
            ArrayPool<byte>.Shared.Return(chunkBuffer);
        }
    }

    private int WriteSecurityHeaders(byte[] chunk, uint messageType, bool asymmetric)
    {
        MessageChunkHeader.Write(chunk, messageType, MessageChunkHeader.Final, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(8), _channelId);
        if (!asymmetric)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(12), _tokenId);
            return 16;
        }

        using var header = new BinaryEncoder(256);
        header.WriteString(_policy.Uri);
        header.WriteByteString(_policy.LocalCertificate);
        header.WriteByteString(_policy.RemoteCertificateThumbprint);
        header.WrittenSpan.CopyTo(chunk.AsSpan(12));
        return 12 + header.Position;
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_shutdown.IsCancellationRequested)
            {
                using var chunk = await _transport.ReadChunkAsync(_shutdown.Token).ConfigureAwait(false);
                ProcessChunk(chunk);
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
        catch (OpcUaException ex)
        {
            if (!_shutdown.IsCancellationRequested)
            {
                Fault(ex);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (!_shutdown.IsCancellationRequested)
            {
                Fault(new OpcUaConnectionException(StatusCodes.BadConnectionClosed, ex.Message, ex));
            }
        }
    }

    private void ProcessChunk(ReceivedChunk chunk)
    {
        var header = chunk.Header;
        var span = chunk.Span;
        if (header.MessageType == MessageChunkHeader.Error)
        {
            throw UaTcpTransport.ParseError(span[MessageChunkHeader.Size..]);
        }

        if (header.MessageType == MessageChunkHeader.Acknowledge)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, "Unexpected ACK on an open channel.");
        }

        var asymmetric = header.MessageType == MessageChunkHeader.Open;
        var decoder = new BinaryDecoder(span, _options.DecodingLimits with { MaxByteStringLength = Limits.ReceiveBufferSize });
        decoder.ReadBytes(MessageChunkHeader.Size);
        var channelId = decoder.ReadUInt32();
        uint tokenId = 0;
        if (asymmetric)
        {
            var policyUri = decoder.ReadString();
            var senderCertificate = decoder.ReadByteString();
            var receiverThumbprint = decoder.ReadByteString();
            if (!string.Equals(policyUri, _policy.Uri, StringComparison.Ordinal))
            {
                throw new OpcUaConnectionException(StatusCodes.BadSecurityPolicyRejected, $"Server answered with policy '{policyUri}'.");
            }

            _policy.CheckAsymmetricHeader(senderCertificate, receiverThumbprint);

            if (_channelId != 0 && channelId != _channelId)
            {
                throw new OpcUaConnectionException(StatusCodes.BadSecureChannelIdInvalid, $"OPN for channel {channelId}, ours is {_channelId}.");
            }
        }
        else
        {
            tokenId = decoder.ReadUInt32();
            if (channelId != _channelId)
            {
                throw new OpcUaConnectionException(StatusCodes.BadSecureChannelIdInvalid, $"Chunk for channel {channelId}, ours is {_channelId}.");
            }

            if (tokenId != _tokenId && tokenId != _previousTokenId)
            {
                throw new OpcUaConnectionException(StatusCodes.BadSecureChannelTokenUnknown, $"Chunk with unknown token {tokenId}.");
            }
        }

        var securedOffset = decoder.Position;
        var plainLength = _policy.UnsecureChunk(span, securedOffset, asymmetric, tokenId);
        if (plainLength < SequenceHeaderSize || plainLength > span.Length - securedOffset)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTypeInvalid, "Chunk too short for a sequence header.");
        }

        var plain = span.Slice(securedOffset, plainLength);
        var sequenceNumber = BinaryPrimitives.ReadUInt32LittleEndian(plain);
        var requestId = BinaryPrimitives.ReadUInt32LittleEndian(plain[4..]);
        CheckSequenceNumber(sequenceNumber);
        var body = plain[SequenceHeaderSize..];

        if (header.MessageType == MessageChunkHeader.Close)
        {
            throw new OpcUaConnectionException(StatusCodes.BadSecureChannelClosed, "The server closed the secure channel.");
        }

        if (header.ChunkType == MessageChunkHeader.Abort)
        {
            DiscardAssembly(requestId);
            Complete(requestId, null, UaTcpTransport.ParseError(body));
            return;
        }

        if (!_pending.ContainsKey(requestId))
        {
            // A response to a request we gave up on: drop it, but keep the stream in sync.
            DiscardAssembly(requestId);
            OpcUaLog.ResponseOrphaned(_logger, requestId);
            return;
        }

        if (header.ChunkType == MessageChunkHeader.Intermediate)
        {
            if (!_assemblies.TryGetValue(requestId, out var partial))
            {
                partial = new ChunkAssembly();
                _assemblies[requestId] = partial;
            }

            partial.Append(body, Limits);
            return;
        }

        IServiceResponse response;
        try
        {
            if (_assemblies.Remove(requestId, out var assembly))
            {
                using (assembly)
                {
                    assembly.Append(body, Limits);
                    response = ResponseDecoder.Decode(assembly.Body, _options.DecodingLimits);
                }
            }
            else
            {
                if (Limits.MaxReceiveMessageSize > 0 && body.Length > Limits.MaxReceiveMessageSize)
                {
                    throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTooLarge, $"Response is larger than {Limits.MaxReceiveMessageSize} bytes.");
                }

                response = ResponseDecoder.Decode(body, _options.DecodingLimits);
            }
        }
        catch (OpcUaDecodingException ex)
        {
            // The framing is intact, so only this request fails; the channel stays usable.
            OpcUaLog.ResponseUndecodable(_logger, requestId, ex);
            Complete(requestId, null, ex);
            return;
        }

        Complete(requestId, response, null);
    }

    private void CheckSequenceNumber(uint sequenceNumber)
    {
        if (_lastReceivedSequence is { } last)
        {
            // Part 6 §6.7.2.4: each chunk's number is one more than the last; after 4294966271 it may wrap below 1024.
            var expected = unchecked(last + 1);
            var wrapped = last > uint.MaxValue - 1024 && sequenceNumber < 1024;
            if (sequenceNumber != expected && !wrapped)
            {
                throw new OpcUaConnectionException(StatusCodes.BadSequenceNumberInvalid, $"Sequence number {sequenceNumber}, expected {expected}.");
            }
        }

        _lastReceivedSequence = sequenceNumber;
    }

    private void DiscardAssembly(uint requestId)
    {
        if (_assemblies.Remove(requestId, out var assembly))
        {
            assembly.Dispose();
        }
    }

    private void Complete(uint requestId, IServiceResponse? response, Exception? error)
    {
        if (!_pending.TryRemove(requestId, out var pending))
        {
            OpcUaLog.ResponseOrphaned(_logger, requestId);
            return;
        }

        if (error is not null)
        {
            pending.TrySetException(error);
        }
        else
        {
            pending.TrySetResult(response!);
        }
    }

    private void Fault(OpcUaException reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        OpcUaLog.ChannelFaulted(_logger, _channelId, reason.StatusCode, reason);
        _renewTimer?.Dispose();
        _completion.TrySetException(reason);
        FailPending(reason);
        _ = _transport.DisposeAsync().AsTask();
    }

    private void FailPending(Exception reason)
    {
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var pending))
            {
                pending.TrySetException(new OpcUaConnectionException(reason is OpcUaException ua ? ua.StatusCode : StatusCodes.BadSecureChannelClosed, "The secure channel was lost.", reason));
            }
        }
    }

    /// <summary>Sends CloseSecureChannel (the server answers by closing the socket) and closes the connection.</summary>
    public async ValueTask CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _renewTimer?.Dispose();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var request = new CloseSecureChannelRequest
            {
                RequestHeader = new RequestHeader { Timestamp = _time.GetUtcNow().UtcDateTime, RequestHandle = NextRequestId() },
            };
            await SendCloseAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OpcUaException or OperationCanceledException)
        {
            // The connection is going away anyway; the server cleans up when the socket closes.
        }

        await ShutdownAsync().ConfigureAwait(false);
        _completion.TrySetResult();
        FailPending(new OpcUaConnectionException(StatusCodes.BadSecureChannelClosed, "The secure channel was closed."));
        OpcUaLog.ChannelClosed(_logger, _channelId);
    }

    private Task SendCloseAsync(CloseSecureChannelRequest request, CancellationToken cancellationToken) =>
        SendMessageAsync(MessageChunkHeader.Close, NextRequestId(), request, cancellationToken);

    private async Task ShutdownAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or OpcUaException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        await ShutdownAsync().ConfigureAwait(false);
        _renewTimer?.Dispose();
        foreach (var assembly in _assemblies.Values)
        {
            assembly.Dispose();
        }

        _assemblies.Clear();
        (_policy as IDisposable)?.Dispose();
        _sendLock.Dispose();
        _shutdown.Dispose();
    }
}
