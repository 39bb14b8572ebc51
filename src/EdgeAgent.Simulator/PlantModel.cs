using System.Globalization;
using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator;

/// <summary>
/// The simulated plant, built from the configuration: every equipment with a source becomes a
/// <see cref="SimulatedMachine"/> (or, for meters, a view of the plant totals: all machines plus a base load), and
/// every configured tag reads a plausible value by its role, type and unit. Pure and deterministic: time only enters
/// through <see cref="Advance"/>, so the same model serves the real-time demo and a simulated clock, and the same seed,
/// configuration and times give the same plant however finely time is stepped.
/// </summary>
public sealed class PlantModel
{
    private const double BaseLoadOpenKw = 15;
    private const double BaseLoadClosedKw = 4;
    private const double ClosedShare = 0.1;
    private const double GasM3PerOpenHour = 8;
    private const double WaterM3PerOpenHour = 2;
    private const double SteamTonnesPerOpenHour = 0.5;

    private readonly Dictionary<string, SimulatedMachine> _machines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EquipmentConfig> _equipment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MeterCounters> _meters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlakySchedule> _flaky = new(StringComparer.Ordinal);
    private readonly Dictionary<TagConfig, TagFacts> _facts = new(ReferenceEqualityComparer.Instance);
    private readonly ShiftCalendar _plantCalendar;
    private readonly int _seed;
    private bool _plantOpen;
    private DateTime _nextPlantChange;
    private double _baseEnergyKwh;
    private double _openHours;
    private double _closedHours;

    /// <summary>
    /// Builds the plant as it is at <paramref name="startUtc"/>, in <paramref name="timeZone"/> (null looks up the
    /// site's <c>timeZone</c>).
    /// </summary>
    public PlantModel(AgentConfig config, SimulatorOptions options, DateTime startUtc, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        Config = config;
        _seed = options.Seed;
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        Now = startUtc;
        var zone = timeZone ?? TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
        _plantCalendar = new ShiftCalendar(zone, options.WorkStart, options.WorkEnd, options.WorkDays);
        _plantOpen = _plantCalendar.IsWorking(startUtc);
        _nextPlantChange = _plantCalendar.NextChange(startUtc);

        foreach (var equipment in config.Equipment.Where(e => e.Source is not null))
        {
            _equipment[equipment.Id] = equipment;
            if (equipment.Type == EquipmentType.Meter)
            {
                _meters[equipment.Id] = new MeterCounters(options.CounterResets.Where(r => r.EquipmentId == equipment.Id && r.AtUtc > startUtc).Select(r => r.AtUtc));
            }
            else
            {
                _machines[equipment.Id] = new SimulatedMachine(equipment, options, zone, startUtc);
            }

            ChooseStartValues(equipment, options);
        }

        foreach (var source in ChooseFlaky(config, options))
        {
            _flaky[source] = new FlakySchedule(Determinism.Seed(options.Seed, source, "flaky"), startUtc, options.FlakyInterval, options.FlakyDowntime);
        }
    }

    /// <summary>The configuration the plant was built from.</summary>
    public AgentConfig Config { get; }

    /// <summary>The instant the plant has been advanced to.</summary>
    public DateTime Now { get; private set; }

    /// <summary>Simulated production machines by equipment id (meters are not machines).</summary>
    public IReadOnlyDictionary<string, SimulatedMachine> Machines => _machines;

    /// <summary>Sources that drop off the network now and then.</summary>
    public IReadOnlyCollection<string> FlakySources => _flaky.Keys;

    /// <summary>Load of lighting, compressors, HVAC now, kW.</summary>
    public double BaseLoadKw => _plantOpen ? BaseLoadOpenKw : BaseLoadClosedKw;

    /// <summary>Total plant power now (machines and base load), kW: what a main meter measures.</summary>
    public double PlantPowerKw => BaseLoadKw + _machines.Values.Sum(m => m.PowerKw);

    /// <summary>Energy used by the plant since the model started, kWh.</summary>
    public double PlantEnergyKwh => _baseEnergyKwh + _machines.Values.Sum(m => m.EnergyKwh);

    public double PlantGasM3 => (GasM3PerOpenHour * (_openHours + (ClosedShare * _closedHours))) + _machines.Values.Sum(m => m.GasM3);

    public double PlantWaterM3 => (WaterM3PerOpenHour * (_openHours + (ClosedShare * _closedHours))) + _machines.Values.Sum(m => m.WaterM3);

    public double PlantSteamTonnes => (SteamTonnesPerOpenHour * (_openHours + (ClosedShare * _closedHours))) + _machines.Values.Sum(m => m.SteamTonnes);

    /// <summary>Advances the plant to <paramref name="utc"/>; earlier times are ignored (plant time never runs back).</summary>
    public void Advance(DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        while (Now < utc)
        {
            var next = utc;
            if (_nextPlantChange < next)
            {
                next = _nextPlantChange;
            }

            foreach (var meter in _meters.Values)
            {
                if (meter.PendingResets.TryPeek(out var reset) && reset < next)
                {
                    next = reset;
                }
            }

            foreach (var machine in _machines.Values)
            {
                machine.Advance(next);
            }

            var hours = (next - Now).TotalHours;
            _baseEnergyKwh += BaseLoadKw * hours;
            if (_plantOpen)
            {
                _openHours += hours;
            }
            else
            {
                _closedHours += hours;
            }

            Now = next;
            if (_nextPlantChange <= Now)
            {
                _plantOpen = _plantCalendar.IsWorking(Now);
                _nextPlantChange = _plantCalendar.NextChange(Now);
            }

            foreach (var meter in _meters.Values)
            {
                while (meter.PendingResets.TryPeek(out var reset) && reset <= Now)
                {
                    meter.PendingResets.Dequeue();
                    meter.ResetCount++;
                    meter.EnergyAtReset = PlantEnergyKwh;
                    meter.GasAtReset = PlantGasM3;
                    meter.WaterAtReset = PlantWaterM3;
                    meter.SteamAtReset = PlantSteamTonnes;
                }
            }
        }

        foreach (var schedule in _flaky.Values)
        {
            schedule.IsOnline(Now);
        }
    }

    /// <summary>Whether a source's device is on the network now (only flaky sources ever drop off).</summary>
    public bool IsSourceOnline(string sourceId) => !_flaky.TryGetValue(sourceId, out var schedule) || schedule.IsOnline(Now);

    /// <summary>The outage of a flaky source in progress now, or its next one; null for a source that never drops off.</summary>
    public SourceOutage? CurrentOrNextOutage(string sourceId)
    {
        if (!_flaky.TryGetValue(sourceId, out var schedule))
        {
            return null;
        }

        schedule.IsOnline(Now);
        return schedule.Current;
    }

    /// <summary>Outages of a flaky source that are completely over, and their total length.</summary>
    public (int Count, TimeSpan Downtime) PastOutages(string sourceId) =>
        _flaky.TryGetValue(sourceId, out var schedule) ? (schedule.PastOutages, schedule.PastDowntime) : (0, TimeSpan.Zero);

    /// <summary>What the device shows now for a tag of an equipment, by their ids/names.</summary>
    public TagReading Read(string equipmentId, string tagName)
    {
        var equipment = _equipment.TryGetValue(equipmentId, out var e) ? e : throw new KeyNotFoundException($"No simulated equipment '{equipmentId}'.");
        var tag = equipment.Tags.Find(t => t.Name == tagName) ?? throw new KeyNotFoundException($"Equipment '{equipmentId}' has no tag '{tagName}'.");
        return Read(equipment, tag);
    }

    /// <summary>What the device shows now for <paramref name="tag"/> of <paramref name="equipment"/> (see <see cref="TagReading"/>).</summary>
    public TagReading Read(EquipmentConfig equipment, TagConfig tag)
    {
        ArgumentNullException.ThrowIfNull(equipment);
        ArgumentNullException.ThrowIfNull(tag);
        var facts = Facts(equipment, tag);
        var seconds = (Now - DateTime.UnixEpoch).TotalSeconds;
        if (_meters.TryGetValue(equipment.Id, out var meter))
        {
            var reset = meter.ResetCount > 0;
            return tag.Role switch
            {
                TagRole.EnergyKwh => Counter(equipment, tag, PlantEnergyKwh - meter.EnergyAtReset, reset),
                TagRole.GasM3 => Counter(equipment, tag, PlantGasM3 - meter.GasAtReset, reset),
                TagRole.WaterM3 => Counter(equipment, tag, PlantWaterM3 - meter.WaterAtReset, reset),
                TagRole.SteamTonnes => Counter(equipment, tag, PlantSteamTonnes - meter.SteamAtReset, reset),
                _ => Plain(tag, tag.Type == TagType.String ? 0 : ValueTags.MeterValue(tag, facts, PlantPowerKw, seconds), equipment.Id),
            };
        }

        if (!_machines.TryGetValue(equipment.Id, out var machine))
        {
            throw new KeyNotFoundException($"Equipment '{equipment.Id}' is not simulated (it has no source).");
        }

        var afterReset = machine.ResetCount > 0;
        return tag.Role switch
        {
            TagRole.RunState => Plain(tag, facts.StateCodes[(int)machine.State], null),
            TagRole.PartCounterGood => Counter(equipment, tag, machine.GoodParts - machine.GoodAtReset, afterReset),
            TagRole.PartCounterBad => Counter(equipment, tag, machine.BadParts - machine.BadAtReset, afterReset),
            TagRole.PartCounterTotal => Counter(equipment, tag, machine.TotalParts - machine.GoodAtReset - machine.BadAtReset, afterReset),
            TagRole.EnergyKwh => Counter(equipment, tag, machine.EnergyKwh - machine.EnergyAtReset, afterReset),
            TagRole.GasM3 => Counter(equipment, tag, (machine.RunHours - machine.RunHoursAtReset) * SimulatedMachine.GasM3PerRunHour, afterReset),
            TagRole.WaterM3 => Counter(equipment, tag, (machine.RunHours - machine.RunHoursAtReset) * SimulatedMachine.WaterM3PerRunHour, afterReset),
            TagRole.SteamTonnes => Counter(equipment, tag, (machine.RunHours - machine.RunHoursAtReset) * SimulatedMachine.SteamTonnesPerRunHour, afterReset),
            _ when tag.Type == TagType.String => new TagReading(0, Fit(tag, machine.Program)),
            _ when tag.Type == TagType.Bool => new TagReading(ValueTags.Bool(facts.BoolMeaning, machine.State) ? 1 : 0),
            _ => Plain(tag, ValueTags.MachineValue(tag, facts, machine, seconds), null),
        };
    }

    private TagFacts Facts(EquipmentConfig equipment, TagConfig tag)
    {
        // Tags added to the configuration after the model was built are worked out on first read.
        if (!_facts.TryGetValue(tag, out var facts))
        {
            facts = new TagFacts(equipment, tag, _seed);
            _facts[tag] = facts;
        }

        return facts;
    }

    private TagReading Counter(EquipmentConfig equipment, TagConfig tag, double sinceReset, bool afterReset)
    {
        var start = afterReset ? 0 : Facts(equipment, tag).StartValue;
        return new TagReading(TagRegisters.Quantize(tag, start + sinceReset, counter: true));
    }

    private static TagReading Plain(TagConfig tag, double value, string? text) => tag.Type switch
    {
        TagType.String => new TagReading(0, Fit(tag, text ?? value.ToString(CultureInfo.InvariantCulture))),
        _ => new TagReading(TagRegisters.Quantize(tag, value, counter: false)),
    };

    private static string Fit(TagConfig tag, string text)
    {
        var length = TagRegisters.StringLength(tag);
        return text.Length > length ? text[..length] : text;
    }

    /// <summary>The raw code the tag's state map gives <paramref name="state"/>; a state the map lacks shows as the nearest one it has.</summary>
    internal static double StateCode(TagConfig tag, MachineState state)
    {
        MachineState[] fallbacks = state switch
        {
            MachineState.Down => [MachineState.Down, MachineState.Idle, MachineState.Off],
            MachineState.Idle => [MachineState.Idle, MachineState.Off],
            MachineState.Off => [MachineState.Off, MachineState.Idle],
            _ => [MachineState.Run],
        };
        foreach (var candidate in fallbacks)
        {
            var name = candidate.ToString().ToLowerInvariant();
            foreach (var (code, mapped) in tag.States ?? [])
            {
                if (string.Equals(mapped, name, StringComparison.Ordinal) &&
                    double.TryParse(code, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }
        }

        return (int)state;
    }

    private void ChooseStartValues(EquipmentConfig equipment, SimulatorOptions options)
    {
        // A real device's counters are not at zero when the agent first sees them.
        var random = new Random(Determinism.Seed(options.Seed, equipment.Id, "counters"));
        var meter = equipment.Type == EquipmentType.Meter;
        var good = (double)random.Next(1_000, 50_000);
        var bad = Math.Round(good * 0.02);
        var energy = Math.Round(meter ? Determinism.Between(random, 100_000, 900_000) : Determinism.Between(random, 2_000, 40_000), 2);
        var gas = Math.Round(Determinism.Between(random, 1_000, 20_000), 1);
        var water = Math.Round(Determinism.Between(random, 500, 5_000), 1);
        var steam = Math.Round(Determinism.Between(random, 100, 2_000), 1);
        foreach (var tag in equipment.Tags)
        {
            double? start = tag.Role switch
            {
                TagRole.PartCounterGood => good,
                TagRole.PartCounterBad => bad,
                TagRole.PartCounterTotal => good + bad,
                TagRole.EnergyKwh => energy,
                TagRole.GasM3 => gas,
                TagRole.WaterM3 => water,
                TagRole.SteamTonnes => steam,
                _ => null,
            };
            if (options.InitialCounters.TryGetValue($"{equipment.Id}/{tag.Name}", out var configured))
            {
                start = configured;
            }

            if (start is { } value)
            {
                Facts(equipment, tag).StartValue = value;
            }
        }
    }

    private static IEnumerable<string> ChooseFlaky(AgentConfig config, SimulatorOptions options)
    {
        if (options.FlakyInterval <= TimeSpan.Zero || options.FlakyDowntime <= TimeSpan.Zero)
        {
            return [];
        }

        if (options.FlakySources is { } chosen)
        {
            return chosen.Distinct(StringComparer.Ordinal);
        }

        return DefaultFlakySources(config);
    }

    /// <summary>The default flaky source: the second robot's, else the second source feeding production equipment, else none.</summary>
    internal static IReadOnlyList<string> DefaultFlakySources(AgentConfig config)
    {
        var robots = config.Equipment.Where(e => e.Type == EquipmentType.Robot && e.Source is not null).Select(e => e.Source!).Distinct(StringComparer.Ordinal).ToList();
        if (robots.Count >= 2)
        {
            return [robots[1]];
        }

        var production = config.Equipment.Where(e => e.Production && e.Source is not null).Select(e => e.Source!).Distinct(StringComparer.Ordinal).ToList();
        return production.Count >= 2 ? [production[1]] : [];
    }
}
