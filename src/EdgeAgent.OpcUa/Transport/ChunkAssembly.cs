using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Transport;

/// <summary>The bodies received so far for one request id, bounded by the max message size and chunk count.</summary>
internal sealed class ChunkAssembly : IDisposable
{
    private readonly BinaryEncoder _buffer = new(8192);

    public int ChunkCount { get; private set; }

    public ReadOnlySpan<byte> Body => _buffer.WrittenSpan;

    public void Append(ReadOnlySpan<byte> body, NegotiatedLimits limits)
    {
        ChunkCount++;
        if (limits.MaxReceiveChunkCount > 0 && ChunkCount > limits.MaxReceiveChunkCount)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTooLarge, $"Response has more than {limits.MaxReceiveChunkCount} chunks.");
        }

        if (limits.MaxReceiveMessageSize > 0 && _buffer.Position + body.Length > limits.MaxReceiveMessageSize)
        {
            throw new OpcUaConnectionException(StatusCodes.BadTcpMessageTooLarge, $"Response is larger than {limits.MaxReceiveMessageSize} bytes.");
        }

        body.CopyTo(_buffer.GetSpan(body.Length));
    }

    public void Dispose() => _buffer.Dispose();
}
