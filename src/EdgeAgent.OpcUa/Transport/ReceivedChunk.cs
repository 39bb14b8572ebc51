using System.Buffers;

namespace EdgeAgent.OpcUa.Transport;

/// <summary>One received chunk (header included) in a pooled buffer; <see cref="Dispose"/> returns the buffer.</summary>
internal sealed class ReceivedChunk : IDisposable
{
    private byte[]? _buffer;

    public ReceivedChunk(MessageChunkHeader header, byte[] buffer, int length)
    {
        Header = header;
        _buffer = buffer;
        Length = length;
    }

    public MessageChunkHeader Header { get; }

    public int Length { get; }

    public Span<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(ReceivedChunk))).AsSpan(0, Length);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
