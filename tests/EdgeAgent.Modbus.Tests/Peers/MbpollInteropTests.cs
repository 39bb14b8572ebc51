using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeAgent.Modbus.Tests.Peers;

/// <summary>mbpoll (a libmodbus-based reference client) against our <see cref="ModbusTcpServer"/>.</summary>
public partial class MbpollInteropTests : IAsyncLifetime
{
    private readonly ModbusDataStore _store = new();
    private ModbusTcpServer? _server;

    public Task InitializeAsync()
    {
        _store.AddRange(1, ModbusTable.Coil, 0, 16);
        _store.AddRange(1, ModbusTable.DiscreteInput, 0, 16);
        _store.AddRange(1, ModbusTable.HoldingRegister, 0, 20);
        _store.AddRange(1, ModbusTable.InputRegister, 0, 20);
        _store.SetRegisters(1, ModbusTable.HoldingRegister, 0, Enumerable.Range(0, 10).Select(i => (ushort)(100 + i)).ToArray());
        _store.SetBits(1, ModbusTable.Coil, 0, Enumerable.Range(0, 16).Select(i => i % 3 == 0).ToArray());
        _store.SetBits(1, ModbusTable.DiscreteInput, 0, Enumerable.Range(0, 16).Select(i => i % 2 == 0).ToArray());
        // mbpoll reads 32-bit values low word first unless -B is given.
        _store.SetValue(1, ModbusTable.InputRegister, 0, 123.456, ModbusDataType.Float32, wordOrder: ModbusWordOrder.LittleEndian);
        _store.SetValue(1, ModbusTable.InputRegister, 2, -2.5, ModbusDataType.Float32, wordOrder: ModbusWordOrder.BigEndian);
        _store.SetValue(1, ModbusTable.HoldingRegister, 10, -123456789, ModbusDataType.Int32, wordOrder: ModbusWordOrder.BigEndian);
        _server = new ModbusTcpServer(_store);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task MbpollReadsHoldingRegisters()
    {
        var values = await PollAsync("-r", "1", "-c", "10", "-t", "4");

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)(100 + i)), values.Values);
        Assert.Equal(Enumerable.Range(1, 10), values.Keys);
        Assert.Equal(1, _server!.FunctionCodeCounts[ModbusFunctionCodes.ReadHoldingRegisters]);
    }

    [Fact]
    public async Task MbpollReadsCoilsAndDiscreteInputs()
    {
        var coils = await PollAsync("-0", "-r", "0", "-c", "16", "-t", "0");
        var inputs = await PollAsync("-0", "-r", "0", "-c", "16", "-t", "1");

        Assert.Equal(Enumerable.Range(0, 16).Select(i => i % 3 == 0 ? 1d : 0d), coils.Values);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 1d : 0d), inputs.Values);
        Assert.Equal(new Dictionary<byte, long> { [1] = 1, [2] = 1 }, _server!.FunctionCodeCounts);
    }

    [Fact]
    public async Task MbpollDecodesOurEncodedFloatsAndIntegersInBothWordOrders()
    {
        var lowWordFirst = await PollAsync("-0", "-r", "0", "-c", "1", "-t", "3:float");
        var highWordFirst = await PollAsync("-0", "-r", "2", "-c", "1", "-t", "3:float", "-B");
        var int32 = await PollAsync("-0", "-r", "10", "-c", "1", "-t", "4:int", "-B");

        Assert.Equal(123.456, Assert.Single(lowWordFirst.Values), 3);
        Assert.Equal(-2.5, Assert.Single(highWordFirst.Values));
        Assert.Equal(-123456789d, Assert.Single(int32.Values));
    }

    [Fact]
    public async Task MbpollSeesIllegalDataAddressOutsideTheRanges()
    {
        var (_, output) = await PeerProcess.RunAsync(
            "mbpoll", ["-m", "tcp", "-a", "1", "-0", "-r", "15", "-c", "10", "-t", "4", "-1", "-p", Port, "127.0.0.1"], TimeSpan.FromSeconds(30));

        Assert.Contains("Illegal data address", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ValueLine(), output);
        Assert.Equal(1, _server!.FunctionCodeCounts[ModbusFunctionCodes.ReadHoldingRegisters]);
    }

    private string Port => _server!.Port.ToString(CultureInfo.InvariantCulture);

    private async Task<SortedDictionary<int, double>> PollAsync(params string[] arguments)
    {
        string[] all = ["-m", "tcp", "-a", "1", .. arguments, "-1", "-o", "5", "-p", Port, "127.0.0.1"];
        var (exitCode, output) = await PeerProcess.RunAsync("mbpoll", all, TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"mbpoll exited with {exitCode}:{Environment.NewLine}{output}");

        var values = new SortedDictionary<int, double>();
        foreach (Match match in ValueLine().Matches(output))
        {
            values[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        Assert.True(values.Count > 0, $"mbpoll printed no values:{Environment.NewLine}{output}");
        return values;
    }

    [GeneratedRegex(@"^\[(\d+)\]:\s+(-?[0-9.eE+-]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
