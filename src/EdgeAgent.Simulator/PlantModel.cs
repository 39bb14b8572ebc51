using System.Numerics;
using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator;

/// <summary>
/// The simulated plant, driven by the configuration: every equipment with a source gets a simulated machine, meters
/// sum the machines' energy plus a base load. Time is passed in (<see cref="Advance"/>), so the same model serves the
/// real-time demo and a simulated clock. Deterministic for a seed and a sequence of times.
/// </summary>
public sealed class PlantModel
{
    private const double BaseLoadKw = 18;

    private readonly AgentConfig _config;
    private readonly SimulatorOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<string, SimulatedMachine> _machines = new(StringComparer.Ordinal);
    private readonly Random _noise;
    private DateTime? _last;
    private double _baseEnergyKwh;

    public PlantModel(AgentConfig config, SimulatorOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        _config = config;
        _options = options;
        _zone = zone;
        _noise = new Random(options.Seed);
        var seed = options.Seed;
        foreach (var equipment in config.Equipment.Where(e => e.Source is not null && e.Type != EquipmentType.Meter))
        {
            _machines[equipment.Id] = new SimulatedMachine(equipment, seed++);
        }
    }

    /// <summary>The simulated machines by equipment id.</summary>
    public IReadOnlyDictionary<string, SimulatedMachine> Machines => _machines;

    /// <summary>Time the model was last advanced to.</summary>
    public DateTime? Now => _last;

    /// <summary>Total plant power now, kW (machines + base load).</summary>
    public double PlantPowerKw => BaseLoadKw + _machines.Values.Sum(m => m.PowerKw);

    /// <summary>Plant energy counter, kWh (what a main meter shows).</summary>
    public double PlantEnergyKwh => _baseEnergyKwh + _machines.Values.Sum(m => m.EnergyKwh);

    /// <summary>Advances the plant to <paramref name="nowUtc"/> (steps of at most one second inside).</summary>
    public void Advance(DateTime nowUtc)
    {
        if (_last is not { } last)
        {
            _last = nowUtc;
            foreach (var machine in _machines.Values)
            {
                machine.Advance(nowUtc, 1e-9, IsWorking(nowUtc));
            }

            return;
        }

        while (last < nowUtc)
        {
            var step = nowUtc - last > TimeSpan.FromSeconds(1) ? last.AddSeconds(1) : nowUtc;
            var seconds = (step - last).TotalSeconds;
            var working = IsWorking(step);
            _baseEnergyKwh += BaseLoadKw * seconds / 3600.0;
            foreach (var machine in _machines.Values)
            {
                machine.Advance(step, seconds, working);
            }

            last = step;
        }

        _last = nowUtc;
    }

    /// <summary>Whether <paramref name="utc"/> falls within the plant's working hours.</summary>
    public bool IsWorking(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);
        if (!_options.WorkWeekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        return time >= _options.ShiftStart && time < _options.ShiftEnd;
    }

    /// <summary>The engineering value a tag shows now (before the tag's scale/offset are undone), or a string.</summary>
    public (double Value, string? Text) ValueOf(EquipmentConfig equipment, TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(equipment);
        ArgumentNullException.ThrowIfNull(tag);
        if (equipment.Type == EquipmentType.Meter)
        {
            return tag.Role switch
            {
                TagRole.EnergyKwh => (PlantEnergyKwh, null),
                _ when tag.Name.Contains("volt", StringComparison.OrdinalIgnoreCase) => (Wander(tag, 230), null),
                _ => (Wander(tag, PlantPowerKw), null),
            };
        }

        if (!_machines.TryGetValue(equipment.Id, out var machine))
        {
            return (0, null);
        }

        return tag.Role switch
        {
            TagRole.RunState => (StateCode(tag, machine.State), null),
            TagRole.PartCounterGood => (machine.GoodParts, null),
            TagRole.PartCounterBad => (machine.BadParts, null),
            TagRole.PartCounterTotal => (machine.GoodParts + machine.BadParts, null),
            TagRole.EnergyKwh => (machine.EnergyKwh, null),
            _ when tag.Type == TagType.String => (double.NaN, $"O{1000 + (int)(machine.GoodParts / 50 % 5)}"),
            _ when tag.Type == TagType.Bool => (BoolValue(tag, machine) ? 1 : 0, null),
            _ => (Wander(tag, NominalValue(tag, machine)), null),
        };
    }

    private static bool BoolValue(TagConfig tag, SimulatedMachine machine) =>
        tag.Name.Contains("alarm", StringComparison.OrdinalIgnoreCase) || tag.Name.Contains("fault", StringComparison.OrdinalIgnoreCase)
            ? machine.State == MachineState.Down
            : machine.State is MachineState.Run or MachineState.Idle;

    private static double NominalValue(TagConfig tag, SimulatedMachine machine)
    {
        var name = tag.Name.ToUpperInvariant();
        var running = machine.State == MachineState.Run;
        if (name.Contains("SPEED", StringComparison.Ordinal) || name.Contains("RPM", StringComparison.Ordinal))
        {
            return running ? 8000 : 0;
        }

        if (name.Contains("POWER", StringComparison.Ordinal))
        {
            return machine.PowerKw;
        }

        if (name.Contains("VOLT", StringComparison.Ordinal))
        {
            return 230;
        }

        if (name.Contains("PAYLOAD", StringComparison.Ordinal) || name.Contains("KG", StringComparison.Ordinal))
        {
            return running ? 12 : 0;
        }

        return running ? 50 : 10;
    }

    private double Wander(TagConfig tag, double nominal)
    {
        if (nominal == 0)
        {
            return 0;
        }

        var band = Math.Max(tag.Deadband * 4, Math.Abs(nominal) * 0.02);
        return nominal + ((_noise.NextDouble() - 0.5) * band);
    }

    private static double StateCode(TagConfig tag, MachineState state)
    {
        var name = state.ToString().ToLowerInvariant();
        foreach (var (code, mapped) in tag.States ?? [])
        {
            if (string.Equals(mapped, name, StringComparison.Ordinal) && double.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return (int)state;
    }

    /// <summary>
    /// Raw register value for a numeric tag: (value − offset) ÷ scale, rounded for integer types and wrapped modulo
    /// the type's range, as a real counter register wraps.
    /// </summary>
    public static double ToRaw(TagConfig tag, double value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var raw = (value - tag.Offset) / tag.Scale;
        return tag.Type switch
        {
            TagType.Float32 or TagType.Float64 => raw,
            TagType.Bool => raw != 0 ? 1 : 0,
            TagType.UInt16 => Wrap(raw, BigInteger.One << 16, signed: false),
            TagType.Int16 => Wrap(raw, BigInteger.One << 16, signed: true),
            TagType.UInt32 => Wrap(raw, BigInteger.One << 32, signed: false),
            TagType.Int32 => Wrap(raw, BigInteger.One << 32, signed: true),
            TagType.UInt64 => Wrap(raw, BigInteger.One << 64, signed: false),
            TagType.Int64 => Wrap(raw, BigInteger.One << 64, signed: true),
            _ => raw,
        };
    }

    private static double Wrap(double raw, BigInteger modulus, bool signed)
    {
        var value = new BigInteger(Math.Round(raw)) % modulus;
        if (value < 0)
        {
            value += modulus;
        }

        if (signed && value >= modulus / 2)
        {
            value -= modulus;
        }

        return (double)value;
    }
}
