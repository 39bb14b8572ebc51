using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Services;

namespace EdgeAgent.OpcUa.Tests;

/// <summary>Throws mutated, truncated and length-inflated messages at the response decoder.</summary>
public sealed class DecoderFuzzTests
{
    private static byte[] SampleResponse(IServiceResponse response, NodeId encodingId)
    {
        using var encoder = new BinaryEncoder();
        encoder.WriteNodeId(encodingId);
        response.Encode(encoder);
        return encoder.WrittenSpan.ToArray();
    }

    private static IEnumerable<byte[]> Samples()
    {
        yield return SampleResponse(
            new ReadResponse
            {
                ResponseHeader = new ResponseHeader { Timestamp = DateTime.UtcNow, RequestHandle = 7, StringTable = ["a", "b"] },
                Results =
                [
                    new DataValue(Variant.From(1.5), StatusCode.Good, DateTime.UtcNow, DateTime.UtcNow),
                    new DataValue(new Variant(BuiltInType.Int32, new[] { 1, 2, 3, 4 }, true, [2, 2])),
                    new DataValue(new Variant(BuiltInType.LocalizedText, new[] { new LocalizedText("en", "x") }, true)),
                    new DataValue(new Variant(BuiltInType.Variant, new[] { Variant.From("s"), new Variant(BuiltInType.Guid, Guid.NewGuid()) }, true)),
                    new DataValue(Variant.Null, StatusCodes.BadNodeIdUnknown),
                ],
                DiagnosticInfos = [new DiagnosticInfo { AdditionalInfo = "info", InnerDiagnosticInfo = new DiagnosticInfo { SymbolicId = 3 } }],
            },
            ReadResponse.BinaryEncodingId);

        using var body = new BinaryEncoder();
        new DataChangeNotification
        {
            MonitoredItems = [new MonitoredItemNotification { ClientHandle = 1, Value = new DataValue(Variant.From(42)) }],
        }.Encode(body);
        yield return SampleResponse(
            new PublishResponse
            {
                SubscriptionId = 1,
                AvailableSequenceNumbers = [1, 2, 3],
                NotificationMessage = new NotificationMessage
                {
                    SequenceNumber = 3,
                    PublishTime = DateTime.UtcNow,
                    NotificationData = [new ExtensionObject(DataChangeNotification.BinaryEncodingId, ExtensionObjectEncoding.Binary, body.WrittenSpan.ToArray())],
                },
                Results = [StatusCode.Good],
            },
            PublishResponse.BinaryEncodingId);

        yield return SampleResponse(
            new BrowseResponse
            {
                Results =
                [
                    new BrowseResult
                    {
                        ContinuationPoint = [1, 2, 3],
                        References =
                        [
                            new ReferenceDescription
                            {
                                ReferenceTypeId = new NodeId(35u),
                                IsForward = true,
                                NodeId = new ExpandedNodeId(new NodeId("Machine1", 2), "urn:x"),
                                BrowseName = new QualifiedName(2, "Machine1"),
                                DisplayName = new LocalizedText(null, "Machine1"),
                                NodeClass = NodeClass.Object,
                                TypeDefinition = new ExpandedNodeId(new NodeId(58u)),
                            },
                        ],
                    },
                ],
            },
            BrowseResponse.BinaryEncodingId);
    }

    [Fact]
    public void ValidSamplesDecode()
    {
        foreach (var sample in Samples())
        {
            Assert.NotNull(ResponseDecoder.Decode(sample, DecodingLimits.Default));
        }
    }

    [Fact]
    public void MutatedMessagesEitherDecodeOrThrowDecodingExceptionsWithBoundedAllocation()
    {
        var random = new Random(20240601);
        var limits = DecodingLimits.Default;
        var decoded = 0;
        var refused = 0;
        foreach (var sample in Samples())
        {
            for (var iteration = 0; iteration < 4000; iteration++)
            {
                var mutated = Mutate(sample, random);
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    ResponseDecoder.Decode(mutated, limits);
                    decoded++;
                }
                catch (OpcUaDecodingException)
                {
                    refused++;
                }

                // Object overhead per decoded byte is bounded; nothing may allocate by a claimed length.
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated < 64 * 1024 + (mutated.Length * 200L), $"{allocated} bytes allocated decoding {mutated.Length} bytes");
            }
        }

        Assert.True(refused > 1000, $"only {refused} refused");
        Assert.True(decoded > 0, "no mutation decoded at all");
    }

    private static byte[] Mutate(byte[] sample, Random random)
    {
        var bytes = (byte[])sample.Clone();
        switch (random.Next(5))
        {
            case 0:
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                // Plant a huge or negative Int32 length somewhere.
                var at = random.Next(bytes.Length - 4);
                BitConverter.TryWriteBytes(bytes.AsSpan(at), random.Next(2) == 0 ? int.MaxValue - random.Next(100) : -random.Next(2, 1000));
                return bytes;
            case 3:
                var position = random.Next(bytes.Length);
                bytes[position] ^= (byte)(1 << random.Next(8));
                return bytes;
            default:
                var extra = new byte[random.Next(1, 16)];
                random.NextBytes(extra);
                return [.. bytes, .. extra];
        }
    }
}
