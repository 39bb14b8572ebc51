namespace EdgeAgent.Mqtt.Protocol;

/// <summary>
/// Cuts a byte stream into packets. One buffer per connection, grown only up to the maximum packet size,
/// so a peer announcing a huge length cannot make us allocate it.
/// </summary>
internal sealed class MqttFrameReader
{
    private const int InitialSize = 4096;

    private readonly Stream _stream;
    private readonly int _maxPacketSize;
    private byte[] _buffer = new byte[InitialSize];
    private int _start;
    private int _end;

    public MqttFrameReader(Stream stream, int maxPacketSize)
    {
        _stream = stream;
        _maxPacketSize = maxPacketSize;
    }

    /// <summary>
    /// Reads the next whole packet. The returned body is valid until the next call.
    /// Throws <see cref="EndOfStreamException"/> when the peer closes the connection.
    /// </summary>
    public async ValueTask<(byte FirstByte, ReadOnlyMemory<byte> Body)> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (MqttPacketDecoder.TryReadFixedHeader(_buffer.AsSpan(_start, _end - _start), _maxPacketSize, out var header)
                && _end - _start >= header.TotalLength)
            {
                var body = _buffer.AsMemory(_start + header.HeaderLength, header.RemainingLength);
                _start += header.TotalLength;
                return (header.FirstByte, body);
            }

            // Whole header known: make room for the whole packet; otherwise a header is at most 5 bytes.
            var needed = header.HeaderLength > 0 ? header.TotalLength : 1 + VariableByteInteger.MaxBytes;
            MakeRoom(needed);
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException(_end > _start
                    ? "The broker closed the connection in the middle of a packet."
                    : "The broker closed the connection.");
            }

            _end += read;
        }
    }

    private void MakeRoom(int packetLength)
    {
        var buffered = _end - _start;
        if (_start > 0 && (buffered == 0 || _buffer.Length - _start < packetLength))
        {
            // Move the partial packet to the front so the buffer never grows because of the stream position.
            _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
            _start = 0;
            _end = buffered;
        }

        if (_buffer.Length < packetLength)
        {
            var grown = new byte[Math.Max(packetLength, Math.Min(_buffer.Length * 2, _maxPacketSize))];
            _buffer.AsSpan(0, buffered).CopyTo(grown);
            _buffer = grown;
        }
    }
}
