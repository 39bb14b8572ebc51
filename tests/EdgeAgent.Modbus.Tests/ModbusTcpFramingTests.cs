using EdgeAgent.Modbus;

namespace EdgeAgent.Modbus.Tests;

public class ModbusTcpFramingTests
{
    [Fact]
    public void ReadRequestHasTheSpecifiedBytes()
    {
        var frame = new byte[ModbusTcpFraming.ReadRequestLength];
        int length = ModbusTcpFraming.WriteReadRequest(frame, 0x1234, 0x11, ModbusFunctionCodes.ReadHoldingRegisters, 0x006B, 3);

        // Implementation guide example layout: tid, pid 0, length 6, unit, fc 3, address 0x006B, quantity 3.
        Assert.Equal(12, length);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x06, 0x11, 0x03, 0x00, 0x6B, 0x00, 0x03 }, frame);
    }

    [Fact]
    public void HeaderRoundTrips()
    {
        var bytes = new byte[7];
        var header = new MbapHeader(0xBEEF, 0, 254, 0xFF);
        ModbusTcpFraming.WriteHeader(bytes, header);
        Assert.Equal(new byte[] { 0xBE, 0xEF, 0x00, 0x00, 0x00, 0xFE, 0xFF }, bytes);
        Assert.Equal(header, ModbusTcpFraming.ReadHeader(bytes));
        Assert.Equal(253, header.PduLength);
    }

    [Fact]
    public void RequestPduRoundTripsThroughTheServerParser()
    {
        var frame = new byte[12];
        ModbusTcpFraming.WriteReadRequest(frame, 7, 1, ModbusFunctionCodes.ReadCoils, 19, 2000);
        Assert.True(ModbusTcpFraming.TryReadRequestPdu(frame.AsSpan(7), out ushort start, out ushort count));
        Assert.Equal(19, start);
        Assert.Equal(2000, count);
        Assert.False(ModbusTcpFraming.TryReadRequestPdu(frame.AsSpan(7, 4), out _, out _));
    }

    [Theory]
    [InlineData(0, 6, null)]
    [InlineData(1, 6, "protocol id 1 is not 0 (Modbus)")]
    [InlineData(0, 1, "MBAP length 1 is outside 2..254")]
    [InlineData(0, 255, "MBAP length 255 is outside 2..254")]
    [InlineData(0, 65535, "MBAP length 65535 is outside 2..254")]
    public void HeaderCheckRejectsWrongProtocolAndLength(int protocolId, int length, string? problem) =>
        Assert.Equal(problem, ModbusTcpFraming.CheckHeader(new MbapHeader(1, (ushort)protocolId, (ushort)length, 1)));

    [Fact]
    public void RegistersResponseRoundTrips()
    {
        ushort[] values = [0x0000, 0x0102, 0xFFFF, 0x8000, 0x022B];
        var frame = new byte[ModbusLimits.MaxAduLength];
        int length = ModbusTcpFraming.WriteRegistersResponse(frame, 9, 3, ModbusFunctionCodes.ReadInputRegisters, values);

        Assert.Equal(9 + 10, length);
        Assert.Equal(new byte[] { 0, 9, 0, 0, 0, 13, 3, 4, 10, 0x00, 0x00, 0x01, 0x02, 0xFF, 0xFF, 0x80, 0x00, 0x02, 0x2B }, frame[..length]);
        var header = ModbusTcpFraming.ReadHeader(frame);
        var data = ModbusTcpFraming.CheckReadResponse(header, frame.AsSpan(7, header.PduLength), 9, 3, ModbusFunctionCodes.ReadInputRegisters, 0, 5);
        var decoded = new ushort[5];
        ModbusTcpFraming.DecodeRegisters(data, decoded);
        Assert.Equal(values, decoded);
    }

    [Fact]
    public void BitsResponsePacksLeastSignificantBitFirst()
    {
        // Spec example (Read Coils 20–38): 0xCD 0x6B 0x05 for 19 coils.
        bool[] coils = [true, false, true, true, false, false, true, true, true, true, false, true, false, true, true, false, true, false, true];
        var frame = new byte[ModbusLimits.MaxAduLength];
        int length = ModbusTcpFraming.WriteBitsResponse(frame, 1, 1, ModbusFunctionCodes.ReadCoils, coils);

        Assert.Equal(new byte[] { 0x01, 0x03, 0xCD, 0x6B, 0x05 }, frame[7..length]);
        var header = ModbusTcpFraming.ReadHeader(frame);
        var data = ModbusTcpFraming.CheckReadResponse(header, frame.AsSpan(7, header.PduLength), 1, 1, ModbusFunctionCodes.ReadCoils, 19, 19);
        var decoded = new bool[19];
        ModbusTcpFraming.DecodeBits(data, decoded);
        Assert.Equal(coils, decoded);
    }

    [Fact]
    public void MaximumReadsFitTheLargestFrame()
    {
        var frame = new byte[ModbusLimits.MaxAduLength];
        Assert.Equal(9 + 250, ModbusTcpFraming.WriteRegistersResponse(frame, 1, 1, ModbusFunctionCodes.ReadHoldingRegisters, new ushort[125]));
        Assert.Equal(9 + 250, ModbusTcpFraming.WriteBitsResponse(frame, 1, 1, ModbusFunctionCodes.ReadDiscreteInputs, new bool[2000]));
        Assert.Equal(253, ModbusTcpFraming.ReadHeader(frame).Length);
        Assert.Null(ModbusTcpFraming.CheckHeader(ModbusTcpFraming.ReadHeader(frame)));
    }

    [Fact]
    public void ExceptionResponseBecomesModbusExceptionNamingTheRequest()
    {
        var frame = new byte[9];
        ModbusTcpFraming.WriteExceptionResponse(frame, 5, 2, ModbusFunctionCodes.ReadHoldingRegisters, ModbusExceptionCode.IllegalDataAddress);
        Assert.Equal(new byte[] { 0, 5, 0, 0, 0, 3, 2, 0x83, 0x02 }, frame);

        var header = ModbusTcpFraming.ReadHeader(frame);
        var ex = Assert.Throws<ModbusException>(() =>
            ModbusTcpFraming.CheckReadResponse(header, frame.AsSpan(7, 2), 5, 2, ModbusFunctionCodes.ReadHoldingRegisters, 40, 10));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, ex.ExceptionCode);
        Assert.Equal(40, ex.StartAddress);
        Assert.Equal(10, ex.Count);
        Assert.Contains("ReadHoldingRegisters", ex.Message);
        Assert.Contains("address 40", ex.Message);
        Assert.Contains("count 10", ex.Message);
        Assert.Contains("IllegalDataAddress", ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0, 2, 0, 0, 0, 7, 1, 3, 4, 0, 1, 0, 2 }, "transaction id 2 does not match")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 7, 9, 3, 4, 0, 1, 0, 2 }, "unit id 9 does not match")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 7, 1, 4, 4, 0, 1, 0, 2 }, "function code 0x04 answers")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 7, 1, 3, 5, 0, 1, 0, 2 }, "byte count 5")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 5, 1, 3, 2, 0, 1 }, "byte count 2")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 2, 1, 3 }, "byte count -1")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 4, 1, 0x83, 2, 0 }, "exception response PDU has 3 bytes")]
    [InlineData(new byte[] { 0, 1, 0, 1, 0, 7, 1, 3, 4, 0, 1, 0, 2 }, "protocol id 1")]
    public void ResponsesThatDoNotFitTheRequestAreDesync(byte[] frame, string problem)
    {
        var header = ModbusTcpFraming.ReadHeader(frame);
        var ex = Assert.Throws<ModbusProtocolException>(() =>
            ModbusTcpFraming.CheckReadResponse(header, frame.AsSpan(7), 1, 1, ModbusFunctionCodes.ReadHoldingRegisters, 0, 2));
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void FunctionCodesCoverOnlyTheFourReads()
    {
        var readCodes = Enumerable.Range(0, 256).Where(code => ModbusFunctionCodes.TryGetTable((byte)code, out _)).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4 }, readCodes);
        foreach (var table in Enum.GetValues<ModbusTable>())
        {
            Assert.True(ModbusFunctionCodes.TryGetTable(ModbusFunctionCodes.ForTable(table), out var back));
            Assert.Equal(table, back);
        }
    }
}
