using System.Globalization;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Modbus;

namespace EdgeAgent.Benchmarks.Ingest;

/// <summary>The configuration the benchmark runs: one source and one piece of equipment per device port.</summary>
public static class BenchmarkPlant
{
    /// <summary>At most this many registers per device are read as 32-bit tags (the rest as uint16).</summary>
    public const int MaxWideRegisters = 50;

    /// <summary>
    /// Registers read as 32-bit tags at the end of the map. They stay inside the last 125-register block, so no tag
    /// straddles a block boundary and the fewest requests stay ⌈M/125⌉ (a tag across a boundary would cost one more).
    /// </summary>
    public static int WideRegisters(int registers)
    {
        var lastBlockStart = (registers - 1) / ModbusLimits.MaxRegistersPerRead * ModbusLimits.MaxRegistersPerRead;
        return Math.Min(MaxWideRegisters, registers - lastBlockStart) & ~1;
    }

    /// <summary>Devices × registers: uint16 tags at 0.., then alternating uint32/int32 tags; deadband 0 (store on change).</summary>
    public static AgentConfig Create(IReadOnlyList<int> ports, int registers, int pollMs, int heartbeatSeconds)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var config = new AgentConfig
        {
            Site = new SiteConfig(),
            Storage = new StorageConfig { HeartbeatSeconds = heartbeatSeconds },
        };
        var wide = WideRegisters(registers);
        for (var d = 0; d < ports.Count; d++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"dev{d + 1:D4}");
            config.Sources.Add(new SourceConfig
            {
                Id = id,
                Protocol = SourceProtocol.ModbusTcp,
                Host = "127.0.0.1",
                Port = ports[d],
                UnitId = 1,
                PollIntervalMs = pollMs,
            });
            var equipment = new EquipmentConfig { Id = "eq-" + id, Name = "Bench device " + (d + 1), Source = id, HasCommunicationInterface = true };
            for (var r = 0; r < registers - wide; r++)
            {
                equipment.Tags.Add(new TagConfig { Name = string.Create(CultureInfo.InvariantCulture, $"r{r:D5}"), Address = r, Type = TagType.UInt16 });
            }

            for (var r = registers - wide; r < registers; r += 2)
            {
                equipment.Tags.Add(new TagConfig
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"d{r:D5}"),
                    Address = r,
                    Type = (r / 2) % 2 == 0 ? TagType.UInt32 : TagType.Int32,
                });
            }

            config.Equipment.Add(equipment);
        }

        return config;
    }
}
