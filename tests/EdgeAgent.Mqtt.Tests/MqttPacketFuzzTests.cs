using EdgeAgent.Mqtt.Protocol;

namespace EdgeAgent.Mqtt.Tests;

/// <summary>Random and mutated broker bytes: the decoder may only ever throw <see cref="MqttProtocolException"/>.</summary>
public sealed class MqttPacketFuzzTests
{
    private const int MaxPacketSize = 64 * 1024;

    private static readonly byte[][] ValidPackets =
    [
        [0x20, 0x02, 0x00, 0x00],
        [0x20, 0x09, 0x01, 0x00, 0x06, 0x21, 0x00, 0x0A, 0x24, 0x01, 0x00],
        [0x40, 0x02, 0x00, 0x01],
        [0x40, 0x04, 0x00, 0x01, 0x10, 0x00],
        [0x90, 0x03, 0x00, 0x02, 0x01],
        [0x90, 0x04, 0x00, 0x02, 0x00, 0x01],
        [0xD0, 0x00],
        [0xE0, 0x01, 0x8B],
        MqttPacketEncoder.EncodePublish("plant/x", [1, 2, 3, 4], MqttQualityOfService.AtLeastOnce, true, 3, MqttProtocolVersion.V500),
        MqttPacketEncoder.EncodePublish("plant/x", [1, 2, 3, 4], MqttQualityOfService.AtMostOnce, false, 0, MqttProtocolVersion.V311),
    ];

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public void RandomBytesOnlyEverCauseProtocolErrors(MqttProtocolVersion version)
    {
        var random = new Random(20240611 + (int)version);
        for (var i = 0; i < 50_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            DecodeStream(bytes, version);
        }
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public void MutatedValidPacketsOnlyEverCauseProtocolErrors(MqttProtocolVersion version)
    {
        var random = new Random(77 + (int)version);
        for (var i = 0; i < 50_000; i++)
        {
            var bytes = (byte[])ValidPackets[random.Next(ValidPackets.Length)].Clone();
            var flips = random.Next(1, 4);
            for (var f = 0; f < flips; f++)
            {
                switch (random.Next(3))
                {
                    case 0:
                        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                        break;
                    default:
                        bytes = bytes[..random.Next(bytes.Length + 1)];
                        if (bytes.Length == 0)
                        {
                            bytes = [0x30];
                        }

                        break;
                }
            }

            DecodeStream(bytes, version);
        }
    }

    [Fact]
    public void FrameReaderNeverAllocatesWhatAHostilePeerAnnounces()
    {
        var random = new Random(5);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            // A header announcing up to 268 MB followed by a little garbage, then end of stream.
            var bytes = new byte[5 + random.Next(0, 32)];
            random.NextBytes(bytes);
            bytes[1] = 0xFF;
            bytes[2] = 0xFF;
            bytes[3] = 0xFF;
            bytes[4] = 0x7F;
            var reader = new MqttFrameReader(new MemoryStream(bytes), MaxPacketSize);
            var ex = Assert.ThrowsAny<Exception>(() => reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult());
            Assert.IsType<MqttProtocolException>(ex);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 2,000 readers with 4 KB buffers plus exceptions: far below even one honoured 268 MB announcement.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void FrameReaderCutsAStreamIntoPacketsAcrossSmallReads()
    {
        var stream = new MemoryStream(ValidPackets.SelectMany(p => p).ToArray());
        var reader = new MqttFrameReader(new OneByteStream(stream), MaxPacketSize);
        foreach (var expected in ValidPackets)
        {
            var (firstByte, body) = reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

            Assert.Equal(expected[0], firstByte);
            Assert.Equal(expected.Length - body.Length, expected[1] < 128 ? 2 : 3);
        }
    }

    private static void DecodeStream(byte[] bytes, MqttProtocolVersion version)
    {
        var reader = new MqttFrameReader(new MemoryStream(bytes), MaxPacketSize);
        try
        {
            while (true)
            {
                var (firstByte, body) = reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                MqttPacketDecoder.Decode(firstByte, body.Span, version);
            }
        }
        catch (MqttProtocolException)
        {
            // The one allowed outcome for bad input.
        }
        catch (EndOfStreamException)
        {
            // The stream ended: the peer closed the connection, also a clean outcome.
        }
    }

    /// <summary>Returns one byte per read, the worst case for framing.</summary>
    private sealed class OneByteStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
