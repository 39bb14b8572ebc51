using BenchmarkDotNet.Attributes;
using EdgeAgent.Modbus;

namespace EdgeAgent.Benchmarks.Micro;

/// <summary>Decoding one full 125-register response into numbers, per data type (the collector does this per request).</summary>
[Config(typeof(MicroBenchmarkConfig))]
public class ModbusValueCodecBenchmarks
{
    private readonly ushort[] _registers = new ushort[ModbusLimits.MaxRegistersPerRead];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _registers.Length; i++)
        {
            _registers[i] = (ushort)(i * 257);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 125)]
    public double UInt16() => Sum(ModbusDataType.UInt16, 1, ModbusWordOrder.BigEndian);

    [Benchmark(OperationsPerInvoke = 62)]
    public double Int32() => Sum(ModbusDataType.Int32, 2, ModbusWordOrder.BigEndian);

    [Benchmark(OperationsPerInvoke = 62)]
    public double Float32WordSwapped() => Sum(ModbusDataType.Float32, 2, ModbusWordOrder.LittleEndian);

    [Benchmark(OperationsPerInvoke = 31)]
    public double Float64() => Sum(ModbusDataType.Float64, 4, ModbusWordOrder.BigEndian);

    private double Sum(ModbusDataType type, int width, ModbusWordOrder wordOrder)
    {
        var span = _registers.AsSpan();
        var sum = 0d;
        for (var offset = 0; offset + width <= span.Length; offset += width)
        {
            sum += ModbusValueCodec.DecodeNumber(span.Slice(offset, width), type, ModbusByteOrder.BigEndian, wordOrder);
        }

        return sum;
    }
}
