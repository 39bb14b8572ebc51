using EdgeAgent.Modbus;

namespace EdgeAgent.Modbus.Tests;

// Expected registers are written by hand from the IEEE/two's complement bytes of each value:
// ABCD = byte BigEndian / word BigEndian, CDAB = byte BigEndian / word LittleEndian,
// BADC = byte LittleEndian / word BigEndian, DCBA = byte LittleEndian / word LittleEndian.
public class ModbusValueCodecTests
{
    private const ModbusByteOrder BE = ModbusByteOrder.BigEndian;
    private const ModbusByteOrder LE = ModbusByteOrder.LittleEndian;
    private const ModbusWordOrder WBE = ModbusWordOrder.BigEndian;
    private const ModbusWordOrder WLE = ModbusWordOrder.LittleEndian;

    [Theory]
    [InlineData(ModbusDataType.Bool, 0, 1)]
    [InlineData(ModbusDataType.Int16, 0, 1)]
    [InlineData(ModbusDataType.UInt16, 0, 1)]
    [InlineData(ModbusDataType.Int32, 0, 2)]
    [InlineData(ModbusDataType.UInt32, 0, 2)]
    [InlineData(ModbusDataType.Float32, 0, 2)]
    [InlineData(ModbusDataType.Int64, 0, 4)]
    [InlineData(ModbusDataType.UInt64, 0, 4)]
    [InlineData(ModbusDataType.Float64, 0, 4)]
    [InlineData(ModbusDataType.String, 1, 1)]
    [InlineData(ModbusDataType.String, 2, 1)]
    [InlineData(ModbusDataType.String, 9, 5)]
    [InlineData(ModbusDataType.String, 20, 10)]
    public void RegisterCountMatchesTheTypeWidth(ModbusDataType type, int stringLength, int expected) =>
        Assert.Equal(expected, ModbusValueCodec.RegisterCount(type, stringLength));

    [Fact]
    public void RegisterCountOfAStringWithoutLengthThrows() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.RegisterCount(ModbusDataType.String));

    [Theory]
    [InlineData(new ushort[] { 0x0000 }, false)]
    [InlineData(new ushort[] { 0x0001 }, true)]
    [InlineData(new ushort[] { 0x0100 }, true)]
    [InlineData(new ushort[] { 0xFFFF }, true)]
    public void BoolIsTrueForAnyNonZeroRegister(ushort[] registers, bool expected)
    {
        Assert.Equal(expected, ModbusValueCodec.DecodeBool(registers));
        Assert.Equal(expected ? 1d : 0d, ModbusValueCodec.DecodeNumber(registers, ModbusDataType.Bool));
        var encoded = new ushort[1];
        ModbusValueCodec.EncodeBool(expected, encoded);
        Assert.Equal(expected ? (ushort)1 : (ushort)0, encoded[0]);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0xCFC7 })]
    [InlineData(BE, WLE, new ushort[] { 0xCFC7 })]
    [InlineData(LE, WBE, new ushort[] { 0xC7CF })]
    [InlineData(LE, WLE, new ushort[] { 0xC7CF })]
    public void Int16MinusTwelveThousandThreeHundredFortyFive(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal((short)-12345, ModbusValueCodec.DecodeInt16(registers, byteOrder));
        Assert.Equal(-12345d, ModbusValueCodec.DecodeNumber(registers, ModbusDataType.Int16, byteOrder, wordOrder));
        var encoded = new ushort[1];
        ModbusValueCodec.EncodeInt16(-12345, encoded, byteOrder);
        Assert.Equal(registers, encoded);
        AssertEncodeNumber(-12345, ModbusDataType.Int16, byteOrder, wordOrder, registers);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0x1234 })]
    [InlineData(BE, WLE, new ushort[] { 0x1234 })]
    [InlineData(LE, WBE, new ushort[] { 0x3412 })]
    [InlineData(LE, WLE, new ushort[] { 0x3412 })]
    public void UInt16Hex1234(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal((ushort)0x1234, ModbusValueCodec.DecodeUInt16(registers, byteOrder));
        Assert.Equal(0x1234, (ushort)ModbusValueCodec.Decode(registers, ModbusDataType.UInt16, byteOrder, wordOrder));
        var encoded = new ushort[1];
        ModbusValueCodec.EncodeUInt16(0x1234, encoded, byteOrder);
        Assert.Equal(registers, encoded);
        AssertEncodeNumber(0x1234, ModbusDataType.UInt16, byteOrder, wordOrder, registers);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0xF8A4, 0x32EB })]
    [InlineData(BE, WLE, new ushort[] { 0x32EB, 0xF8A4 })]
    [InlineData(LE, WBE, new ushort[] { 0xA4F8, 0xEB32 })]
    [InlineData(LE, WLE, new ushort[] { 0xEB32, 0xA4F8 })]
    public void Int32MinusOneHundredTwentyThreeMillion(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal(-123456789, ModbusValueCodec.DecodeInt32(registers, byteOrder, wordOrder));
        Assert.Equal(-123456789, (int)ModbusValueCodec.Decode(registers, ModbusDataType.Int32, byteOrder, wordOrder));
        var encoded = new ushort[2];
        ModbusValueCodec.EncodeInt32(-123456789, encoded, byteOrder, wordOrder);
        Assert.Equal(registers, encoded);
        AssertEncodeNumber(-123456789, ModbusDataType.Int32, byteOrder, wordOrder, registers);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0xDEAD, 0xBEEF })]
    [InlineData(BE, WLE, new ushort[] { 0xBEEF, 0xDEAD })]
    [InlineData(LE, WBE, new ushort[] { 0xADDE, 0xEFBE })]
    [InlineData(LE, WLE, new ushort[] { 0xEFBE, 0xADDE })]
    public void UInt32DeadBeef(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal(0xDEADBEEFu, ModbusValueCodec.DecodeUInt32(registers, byteOrder, wordOrder));
        Assert.Equal(3735928559d, ModbusValueCodec.DecodeNumber(registers, ModbusDataType.UInt32, byteOrder, wordOrder));
        var encoded = new ushort[2];
        ModbusValueCodec.EncodeUInt32(0xDEADBEEF, encoded, byteOrder, wordOrder);
        Assert.Equal(registers, encoded);
        AssertEncodeNumber(3735928559d, ModbusDataType.UInt32, byteOrder, wordOrder, registers);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0xFEFD, 0xFCFB, 0xFAF9, 0xF8F8 })]
    [InlineData(BE, WLE, new ushort[] { 0xF8F8, 0xFAF9, 0xFCFB, 0xFEFD })]
    [InlineData(LE, WBE, new ushort[] { 0xFDFE, 0xFBFC, 0xF9FA, 0xF8F8 })]
    [InlineData(LE, WLE, new ushort[] { 0xF8F8, 0xF9FA, 0xFBFC, 0xFDFE })]
    public void Int64MinusHex0102030405060708(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal(-0x0102030405060708L, ModbusValueCodec.DecodeInt64(registers, byteOrder, wordOrder));
        Assert.Equal(-0x0102030405060708L, (long)ModbusValueCodec.Decode(registers, ModbusDataType.Int64, byteOrder, wordOrder));
        var encoded = new ushort[4];
        ModbusValueCodec.EncodeInt64(-0x0102030405060708L, encoded, byteOrder, wordOrder);
        Assert.Equal(registers, encoded);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0x0102, 0x0304, 0x0506, 0x0708 })]
    [InlineData(BE, WLE, new ushort[] { 0x0708, 0x0506, 0x0304, 0x0102 })]
    [InlineData(LE, WBE, new ushort[] { 0x0201, 0x0403, 0x0605, 0x0807 })]
    [InlineData(LE, WLE, new ushort[] { 0x0807, 0x0605, 0x0403, 0x0201 })]
    public void UInt64Hex0102030405060708(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal(0x0102030405060708UL, ModbusValueCodec.DecodeUInt64(registers, byteOrder, wordOrder));
        Assert.Equal(0x0102030405060708UL, (ulong)ModbusValueCodec.Decode(registers, ModbusDataType.UInt64, byteOrder, wordOrder));
        var encoded = new ushort[4];
        ModbusValueCodec.EncodeUInt64(0x0102030405060708UL, encoded, byteOrder, wordOrder);
        Assert.Equal(registers, encoded);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0x42F6, 0xE979 })]
    [InlineData(BE, WLE, new ushort[] { 0xE979, 0x42F6 })]
    [InlineData(LE, WBE, new ushort[] { 0xF642, 0x79E9 })]
    [InlineData(LE, WLE, new ushort[] { 0x79E9, 0xF642 })]
    public void Float32OneHundredTwentyThreePointFourFiveSix(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal(123.456f, ModbusValueCodec.DecodeFloat32(registers, byteOrder, wordOrder));
        Assert.Equal((double)123.456f, ModbusValueCodec.DecodeNumber(registers, ModbusDataType.Float32, byteOrder, wordOrder));
        var encoded = new ushort[2];
        ModbusValueCodec.EncodeFloat32(123.456f, encoded, byteOrder, wordOrder);
        Assert.Equal(registers, encoded);
        AssertEncodeNumber(123.456, ModbusDataType.Float32, byteOrder, wordOrder, registers);
    }

    [Theory]
    [InlineData(BE, WBE, new ushort[] { 0x4093, 0x4A45, 0x6D5C, 0xFAAD })]
    [InlineData(BE, WLE, new ushort[] { 0xFAAD, 0x6D5C, 0x4A45, 0x4093 })]
    [InlineData(LE, WBE, new ushort[] { 0x9340, 0x454A, 0x5C6D, 0xADFA })]
    [InlineData(LE, WLE, new ushort[] { 0xADFA, 0x5C6D, 0x454A, 0x9340 })]
    public void Float64OneThousandTwoHundredThirtyFourPointFiveSixSevenEight(ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] registers)
    {
        Assert.Equal(1234.5678, ModbusValueCodec.DecodeFloat64(registers, byteOrder, wordOrder));
        Assert.Equal(1234.5678, ModbusValueCodec.DecodeNumber(registers, ModbusDataType.Float64, byteOrder, wordOrder));
        var encoded = new ushort[4];
        ModbusValueCodec.EncodeFloat64(1234.5678, encoded, byteOrder, wordOrder);
        Assert.Equal(registers, encoded);
        AssertEncodeNumber(1234.5678, ModbusDataType.Float64, byteOrder, wordOrder, registers);
    }

    [Theory]
    [InlineData(BE, new ushort[] { 0x5075, 0x6D70, 0x3700 })]
    [InlineData(LE, new ushort[] { 0x7550, 0x706D, 0x0037 })]
    public void StringPump7WithTrailingNul(ModbusByteOrder byteOrder, ushort[] registers)
    {
        Assert.Equal("Pump7", ModbusValueCodec.DecodeString(registers, byteOrder));
        Assert.Equal("Pump7", (string)ModbusValueCodec.Decode(registers, ModbusDataType.String, byteOrder, ModbusWordOrder.LittleEndian, 6));
        var encoded = new ushort[3];
        ModbusValueCodec.EncodeString("Pump7", encoded, byteOrder);
        Assert.Equal(registers, encoded);
    }

    [Fact]
    public void StringTrailingSpacesAndEverythingAfterTheFirstNulAreDropped()
    {
        // "AB  " then NUL then garbage "Z".
        ushort[] registers = [0x4142, 0x2020, 0x005A];
        Assert.Equal("AB", ModbusValueCodec.DecodeString(registers));
    }

    [Fact]
    public void StringNonAsciiBytesBecomeQuestionMarks() =>
        Assert.Equal("A?", ModbusValueCodec.DecodeString([0x41E9]));

    [Fact]
    public void StringDecodeWithLengthUsesOnlyItsRegisters() =>
        Assert.Equal("ABC", ModbusValueCodec.Decode([0x4142, 0x4344, 0x4546], ModbusDataType.String, stringLength: 3));

    [Fact]
    public void StringTooLongForItsRegistersThrows() =>
        Assert.Throws<ArgumentException>(() => ModbusValueCodec.EncodeString("ABCDE", new ushort[2]));

    [Fact]
    public void DecodingFromTooFewRegistersThrows()
    {
        Assert.Throws<ArgumentException>(() => ModbusValueCodec.DecodeFloat32([0x42F6]));
        Assert.Throws<ArgumentException>(() => ModbusValueCodec.DecodeFloat64([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => ModbusValueCodec.DecodeInt16([]));
    }

    [Fact]
    public void EncodingANumberThatDoesNotFitThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.EncodeNumber(70000, ModbusDataType.UInt16, new ushort[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.EncodeNumber(-1, ModbusDataType.UInt32, new ushort[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.EncodeNumber(double.NaN, ModbusDataType.Int32, new ushort[2]));
    }

    [Fact]
    public void EncodingANumberRoundsIntegersToNearest()
    {
        var registers = new ushort[1];
        ModbusValueCodec.EncodeNumber(41.5, ModbusDataType.Int16, registers);
        Assert.Equal((ushort)42, registers[0]);
        ModbusValueCodec.EncodeNumber(-41.5, ModbusDataType.Int16, registers);
        Assert.Equal((short)-42, ModbusValueCodec.DecodeInt16(registers));
    }

    [Fact]
    public void DecodeNumberRejectsStrings() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.DecodeNumber([0x4142], ModbusDataType.String));

    private static void AssertEncodeNumber(double value, ModbusDataType type, ModbusByteOrder byteOrder, ModbusWordOrder wordOrder, ushort[] expected)
    {
        var encoded = new ushort[expected.Length];
        ModbusValueCodec.EncodeNumber(value, type, encoded, byteOrder, wordOrder);
        Assert.Equal(expected, encoded);
    }
}
