using EdgeAgent.OpcUa.Encoding;

namespace EdgeAgent.OpcUa.Tests;

public sealed class BinaryEncodingTests
{
    private delegate T Reader<T>(ref BinaryDecoder decoder);

    private static byte[] Encode(Action<BinaryEncoder> write)
    {
        using var encoder = new BinaryEncoder(16);
        write(encoder);
        return encoder.WrittenSpan.ToArray();
    }

    private static T Decode<T>(byte[] bytes, Reader<T> read, DecodingLimits? limits = null)
    {
        var decoder = new BinaryDecoder(bytes, limits);
        var value = read(ref decoder);
        Assert.Equal(0, decoder.Remaining);
        return value;
    }

    [Fact]
    public void NodeIdsUseTheSmallestEncodingThatFits()
    {
        Assert.Equal(new byte[] { 0x00, 0x55 }, Encode(e => e.WriteNodeId(new NodeId(85u))));
        Assert.Equal(new byte[] { 0x01, 0x05, 0x01, 0x04 }, Encode(e => e.WriteNodeId(new NodeId(1025u, 5))));
        Assert.Equal(new byte[] { 0x02, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00 }, Encode(e => e.WriteNodeId(new NodeId(65536u, 256))));
        Assert.Equal(new byte[] { 0x03, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x48, 0x6F, 0x74 }, Encode(e => e.WriteNodeId(new NodeId("Hot", 1))));
        Assert.Equal(new byte[] { 0x05, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, 0xAB, 0xCD }, Encode(e => e.WriteNodeId(new NodeId([0xAB, 0xCD], 2))));
    }

    [Fact]
    public void GuidIsEncodedWithLittleEndianDataFieldsAsInPart6()
    {
        var guid = Guid.Parse("72962B91-FA75-4AE6-8D28-B404DC7DAF63");
        var expected = new byte[] { 0x91, 0x2B, 0x96, 0x72, 0x75, 0xFA, 0xE6, 0x4A, 0x8D, 0x28, 0xB4, 0x04, 0xDC, 0x7D, 0xAF, 0x63 };
        Assert.Equal(expected, Encode(e => e.WriteGuid(guid)));
        Assert.Equal(guid, Decode(expected, (ref BinaryDecoder d) => d.ReadGuid()));
        var nodeId = new NodeId(guid, 3);
        Assert.Equal(nodeId, Decode(Encode(e => e.WriteNodeId(nodeId)), (ref BinaryDecoder d) => d.ReadNodeId()));
    }

    [Fact]
    public void DateTimeCountsHundredNanosecondsSince1601AndClampsTheEnds()
    {
        var time = new DateTime(2024, 3, 1, 12, 30, 45, 123, DateTimeKind.Utc);
        var bytes = Encode(e => e.WriteDateTime(time));
        Assert.Equal(time.Ticks - new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, BitConverter.ToInt64(bytes));
        Assert.Equal(time, Decode(bytes, (ref BinaryDecoder d) => d.ReadDateTime()));
        Assert.Equal(new byte[8], Encode(e => e.WriteDateTime(new DateTime(1500, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal(DateTime.MinValue, Decode(new byte[8], (ref BinaryDecoder d) => d.ReadDateTime()));
        Assert.Equal(DateTime.MaxValue, Decode(Encode(e => e.WriteDateTime(DateTime.MaxValue)), (ref BinaryDecoder d) => d.ReadDateTime()));
    }

    [Fact]
    public void NullAndEmptyStringsAndByteStringsAreDistinct()
    {
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, Encode(e => e.WriteString(null)));
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, Encode(e => e.WriteString(string.Empty)));
        Assert.Null(Decode(Encode(e => e.WriteString(null)), (ref BinaryDecoder d) => d.ReadString()));
        Assert.Equal(string.Empty, Decode(Encode(e => e.WriteString(string.Empty)), (ref BinaryDecoder d) => d.ReadString()));
        Assert.Equal("水温 °C", Decode(Encode(e => e.WriteString("水温 °C")), (ref BinaryDecoder d) => d.ReadString()));
        Assert.Null(Decode(Encode(e => e.WriteByteString(null)), (ref BinaryDecoder d) => d.ReadByteString()));
        Assert.Equal(new byte[] { 1, 2, 3 }, Decode(Encode(e => e.WriteByteString(new byte[] { 1, 2, 3 })), (ref BinaryDecoder d) => d.ReadByteString()));
        Assert.Equal("<a>1</a>", Decode(Encode(e => e.WriteXmlElement("<a>1</a>")), (ref BinaryDecoder d) => d.ReadXmlElement()));
    }

    public static TheoryData<Variant> Scalars() => new()
    {
        Variant.From(true),
        new Variant(BuiltInType.SByte, (sbyte)-5),
        new Variant(BuiltInType.Byte, (byte)200),
        new Variant(BuiltInType.Int16, (short)-300),
        new Variant(BuiltInType.UInt16, (ushort)60000),
        Variant.From(-70000),
        Variant.From(4000000000u),
        new Variant(BuiltInType.Int64, long.MinValue),
        new Variant(BuiltInType.UInt64, ulong.MaxValue),
        new Variant(BuiltInType.Float, 1.5f),
        Variant.From(Math.PI),
        Variant.From("text"),
        new Variant(BuiltInType.DateTime, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc)),
        new Variant(BuiltInType.Guid, Guid.NewGuid()),
        new Variant(BuiltInType.ByteString, new byte[] { 9, 8, 7 }),
        new Variant(BuiltInType.XmlElement, "<x/>"),
        new Variant(BuiltInType.NodeId, new NodeId("Line1.Robot", 4)),
        new Variant(BuiltInType.ExpandedNodeId, new ExpandedNodeId(new NodeId(7u), "urn:a", 2)),
        new Variant(BuiltInType.StatusCode, new StatusCode(StatusCodes.BadDeviceFailure)),
        new Variant(BuiltInType.QualifiedName, new QualifiedName(3, "Speed")),
        new Variant(BuiltInType.LocalizedText, new LocalizedText("zh-CN", "主轴")),
        new Variant(BuiltInType.ExtensionObject, new ExtensionObject(new NodeId(5000u, 2), ExtensionObjectEncoding.Binary, [1, 2])),
        new Variant(BuiltInType.DataValue, new DataValue(Variant.From(1.0), StatusCodes.UncertainLastUsableValue, new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc))),
        new Variant(BuiltInType.DiagnosticInfo, new DiagnosticInfo { SymbolicId = 1, Locale = 2, LocalizedText = 3, AdditionalInfo = "x", InnerStatusCode = StatusCodes.BadTimeout, InnerDiagnosticInfo = new DiagnosticInfo { NamespaceUri = 4 } }),
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void EveryBuiltInScalarRoundTripsThroughAVariant(Variant value)
    {
        var decoded = Decode(Encode(e => e.WriteVariant(value)), (ref BinaryDecoder d) => d.ReadVariant());
        Assert.Equal(value.Type, decoded.Type);
        if (value.Value is byte[] bytes)
        {
            Assert.Equal(bytes, (byte[])decoded.Value!);
        }
        else if (value.Value is ExtensionObject extension)
        {
            var other = (ExtensionObject)decoded.Value!;
            Assert.Equal(extension.TypeId, other.TypeId);
            Assert.Equal(extension.Body, other.Body);
        }
        else
        {
            Assert.Equal(value.Value, decoded.Value);
        }
    }

    [Fact]
    public void ArraysAndMultiDimensionalArraysRoundTrip()
    {
        var oneDim = new Variant(BuiltInType.Double, new[] { 1.0, 2.0, 3.0 }, isArray: true);
        Assert.Equal(oneDim, Decode(Encode(e => e.WriteVariant(oneDim)), (ref BinaryDecoder d) => d.ReadVariant()));

        var matrix = new Variant(BuiltInType.Int32, new[] { 1, 2, 3, 4, 5, 6 }, isArray: true, arrayDimensions: [2, 3]);
        var bytes = Encode(e => e.WriteVariant(matrix));
        Assert.Equal(0x06 | 0x80 | 0x40, bytes[0]);
        var decoded = Decode(bytes, (ref BinaryDecoder d) => d.ReadVariant());
        Assert.Equal(matrix, decoded);
        Assert.Equal([2, 3], decoded.ArrayDimensions!);

        var strings = new Variant(BuiltInType.String, new[] { "a", null, "c" }, isArray: true);
        Assert.Equal(strings, Decode(Encode(e => e.WriteVariant(strings)), (ref BinaryDecoder d) => d.ReadVariant()));

        var variants = new Variant(BuiltInType.Variant, new[] { Variant.From(1), Variant.From("two") }, isArray: true);
        var decodedVariants = Decode(Encode(e => e.WriteVariant(variants)), (ref BinaryDecoder d) => d.ReadVariant());
        Assert.Equal(Variant.From("two"), ((Variant[])decodedVariants.Value!)[1]);

        var nullArray = new Variant(BuiltInType.Int16, null, isArray: true);
        var decodedNull = Decode(Encode(e => e.WriteVariant(nullArray)), (ref BinaryDecoder d) => d.ReadVariant());
        Assert.True(decodedNull.IsArray);
        Assert.Null(decodedNull.Value);
    }

    [Fact]
    public void DataValueWritesOnlyThePresentFieldsInSpecificationOrder()
    {
        var value = new DataValue(Variant.From(5), StatusCodes.GoodClamped, new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2022, 1, 1, 0, 0, 1, DateTimeKind.Utc))
        {
            SourcePicoseconds = 7,
            ServerPicoseconds = 9,
        };
        var bytes = Encode(e => e.WriteDataValue(value));
        Assert.Equal(0x3F, bytes[0]);
        Assert.Equal(value, Decode(bytes, (ref BinaryDecoder d) => d.ReadDataValue()));
        Assert.Equal(new byte[] { 0 }, Encode(e => e.WriteDataValue(new DataValue(Variant.Null))));
    }

    [Fact]
    public void ExpandedNodeIdCarriesNamespaceUriAndServerIndexFlags()
    {
        var id = new ExpandedNodeId(new NodeId("Tag", 0), "urn:x", 3);
        var bytes = Encode(e => e.WriteExpandedNodeId(id));
        Assert.Equal(0x03 | 0x80 | 0x40, bytes[0]);
        Assert.Equal(id, Decode(bytes, (ref BinaryDecoder d) => d.ReadExpandedNodeId()));
    }

    [Fact]
    public void LocalizedTextAndQualifiedNameRoundTrip()
    {
        Assert.Equal(new byte[] { 0 }, Encode(e => e.WriteLocalizedText(new LocalizedText(null, null))));
        var text = new LocalizedText(null, "only text");
        Assert.Equal(text, Decode(Encode(e => e.WriteLocalizedText(text)), (ref BinaryDecoder d) => d.ReadLocalizedText()));
        var name = new QualifiedName(2, "Counter");
        Assert.Equal(name, Decode(Encode(e => e.WriteQualifiedName(name)), (ref BinaryDecoder d) => d.ReadQualifiedName()));
    }

    [Fact]
    public void StringLongerThanTheLimitIsRefusedBeforeAllocation()
    {
        var bytes = Encode(e => e.WriteString(new string('x', 100)));
        var limits = DecodingLimits.Default with { MaxStringLength = 50 };
        var error = Assert.Throws<OpcUaDecodingException>(() => Decode(bytes, (ref BinaryDecoder d) => d.ReadString(), limits));
        Assert.Equal(StatusCodes.BadEncodingLimitsExceeded, error.StatusCode.Code);
    }

    [Fact]
    public void LengthBeyondTheRemainingBytesIsMalformed()
    {
        // A ByteString claiming 1 GiB in a 12-byte message.
        var bytes = new byte[] { 0x00, 0x00, 0x00, 0x40, 1, 2, 3, 4, 5, 6, 7, 8 };
        var limits = DecodingLimits.Default with { MaxByteStringLength = int.MaxValue };
        Assert.Throws<OpcUaDecodingException>(() => Decode(bytes, (ref BinaryDecoder d) => d.ReadByteString(), limits));

        // An Int64 array claiming 100 million elements.
        var array = new byte[] { 0x88, 0x00, 0xE1, 0xF5, 0x05, 0, 0, 0, 0 };
        Assert.Throws<OpcUaDecodingException>(() => Decode(array, (ref BinaryDecoder d) => d.ReadVariant()));
    }

    [Fact]
    public void ArrayDimensionsThatDoNotMatchTheLengthAreMalformed()
    {
        var bytes = Encode(e => e.WriteVariant(new Variant(BuiltInType.Int32, new[] { 1, 2, 3, 4 }, isArray: true, arrayDimensions: [2, 2])));
        bytes[^4] = 3; // dims 2 x 3 for 4 elements
        Assert.Throws<OpcUaDecodingException>(() => Decode(bytes, (ref BinaryDecoder d) => d.ReadVariant()));
    }

    [Fact]
    public void DeeplyNestedDiagnosticInfoHitsTheNestingLimit()
    {
        var bytes = Enumerable.Repeat((byte)0x40, 10_000).Append((byte)0).ToArray();
        var error = Assert.Throws<OpcUaDecodingException>(() => Decode(bytes, (ref BinaryDecoder d) => d.ReadDiagnosticInfo()));
        Assert.Equal(StatusCodes.BadEncodingLimitsExceeded, error.StatusCode.Code);

        // Variant arrays of Variant arrays nest too.
        var nested = new List<byte>();
        for (var i = 0; i < 1000; i++)
        {
            nested.AddRange([0x98, 1, 0, 0, 0]);
        }

        nested.Add(0);
        Assert.Throws<OpcUaDecodingException>(() => Decode(nested.ToArray(), (ref BinaryDecoder d) => d.ReadVariant()));
    }

    [Fact]
    public void InvalidEncodingBytesAreRefused()
    {
        Assert.Throws<OpcUaDecodingException>(() => Decode(new byte[] { 0x07, 0, 0 }, (ref BinaryDecoder d) => d.ReadNodeId()));
        Assert.Throws<OpcUaDecodingException>(() => Decode(new byte[] { 0x1F }, (ref BinaryDecoder d) => d.ReadVariant()));
        Assert.Throws<OpcUaDecodingException>(() => Decode(new byte[] { 0x18 }, (ref BinaryDecoder d) => d.ReadVariant()));
        Assert.Throws<OpcUaDecodingException>(() => Decode(new byte[] { 0x00, 0x00, 0x03 }, (ref BinaryDecoder d) => d.ReadExtensionObject()));
        Assert.Throws<OpcUaDecodingException>(() => Decode(new byte[] { 0x06, 1, 2 }, (ref BinaryDecoder d) => d.ReadVariant()));
    }
}
