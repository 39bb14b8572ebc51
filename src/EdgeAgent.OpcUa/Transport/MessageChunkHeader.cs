using System.Buffers.Binary;

namespace EdgeAgent.OpcUa.Transport;

/// <summary>The 8-byte UA-TCP message header: message type (3 ASCII bytes), chunk type and total size.</summary>
internal readonly record struct MessageChunkHeader(uint MessageType, byte ChunkType, uint MessageSize)
{
    public const int Size = 8;

    // Message types as the first three ASCII bytes read little-endian into a uint (the 4th byte is the chunk type).
    public const uint Hello = 'H' | ('E' << 8) | ('L' << 16);
    public const uint Acknowledge = 'A' | ('C' << 8) | ('K' << 16);
    public const uint Error = 'E' | ('R' << 8) | ('R' << 16);
    public const uint ReverseHello = 'R' | ('H' << 8) | ('E' << 16);
    public const uint Message = 'M' | ('S' << 8) | ('G' << 16);
    public const uint Open = 'O' | ('P' << 8) | ('N' << 16);
    public const uint Close = 'C' | ('L' << 8) | ('O' << 16);

    public const byte Final = (byte)'F';
    public const byte Intermediate = (byte)'C';
    public const byte Abort = (byte)'A';

    public static MessageChunkHeader Read(ReadOnlySpan<byte> header)
    {
        var word = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return new MessageChunkHeader(word & 0x00FFFFFF, (byte)(word >> 24), BinaryPrimitives.ReadUInt32LittleEndian(header[4..]));
    }

    public static void Write(Span<byte> destination, uint messageType, byte chunkType, int messageSize)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, messageType | ((uint)chunkType << 24));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)messageSize);
    }

    public string TypeName => string.Create(3, MessageType, static (span, t) =>
    {
        span[0] = Printable(t);
        span[1] = Printable(t >> 8);
        span[2] = Printable(t >> 16);
    });

    private static char Printable(uint b) => (b & 0xFF) is >= 0x20 and < 0x7F ? (char)(b & 0xFF) : '?';
}
