using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Rollups;
using EdgeAgent.Core.Thresholds;

namespace EdgeAgent.Core.Indicators;

/// <summary>The engine's inputs indexed for lookup: day rollups by equipment and plant-local day, in-service days, networked status.</summary>
internal sealed class IndicatorInputs
{
    // Sorted by day so that sums are taken in one order whatever order the rollups arrived in (the evidence ledger
    // recomputes these values and compares them).
    private readonly Dictionary<string, SortedDictionary<DateOnly, EquipmentRollup>> _rollups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkStatus> _network = new(StringComparer.Ordinal);

    public IndicatorInputs(AgentConfig config, IReadOnlyList<EquipmentRollup> dayRollups, IndicatorWindow window,
        IReadOnlyList<OutputFact> outputFacts, ThresholdCatalogue catalogue, TimeZoneInfo timeZone)
    {
        Config = config;
        Window = window;
        OutputFacts = outputFacts;
        Catalogue = catalogue;
        var known = config.Equipment.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rollup in dayRollups)
        {
            if (rollup.Period != RollupPeriod.Day || !known.Contains(rollup.EquipmentId))
            {
                continue;
            }

            // A day rollup starts at local midnight; converting its start gives the plant-local date it belongs to
            // (an hour's margin keeps a start a little before midnight on its day).
            var localStart = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(rollup.StartUtc, DateTimeKind.Utc), timeZone);
            var day = DateOnly.FromDateTime(localStart.AddHours(1));
            if (!window.Contains(day))
            {
                continue;
            }

            if (!_rollups.TryGetValue(rollup.EquipmentId, out var byDay))
            {
                _rollups[rollup.EquipmentId] = byDay = new SortedDictionary<DateOnly, EquipmentRollup>();
            }

            byDay[day] = byDay.TryGetValue(day, out var seen) ? Combine(seen, rollup) : rollup;
        }

        EquipmentSettings = config.Indicators.Equipment
            .GroupBy(e => e.Equipment, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public AgentConfig Config { get; }

    public IndicatorWindow Window { get; }

    public IReadOnlyList<OutputFact> OutputFacts { get; }

    public ThresholdCatalogue Catalogue { get; }

    public IReadOnlyDictionary<string, IndicatorsEquipmentConfig> EquipmentSettings { get; }

    /// <summary>The day rollup of an equipment on a day, or null.</summary>
    public EquipmentRollup? Rollup(string equipmentId, DateOnly day) =>
        _rollups.TryGetValue(equipmentId, out var byDay) && byDay.TryGetValue(day, out var rollup) ? rollup : null;

    /// <summary>Every day rollup of an equipment inside the window.</summary>
    public IEnumerable<(DateOnly Day, EquipmentRollup Rollup)> Rollups(string equipmentId) =>
        _rollups.TryGetValue(equipmentId, out var byDay) ? byDay.Select(kv => (kv.Key, kv.Value)) : [];

    /// <summary>Days inside the window on which the equipment delivered any good data.</summary>
    public IEnumerable<DateOnly> DataDays(string equipmentId) =>
        Rollups(equipmentId).Where(r => r.Rollup.HasData).Select(r => r.Day);

    /// <summary>First and last day of the window the equipment was in service, or null when it was not.</summary>
    public (DateOnly From, DateOnly To)? InService(EquipmentConfig equipment)
    {
        var from = equipment.InServiceFrom is { } f && f > Window.From ? f : Window.From;
        var to = equipment.InServiceTo is { } t && t < Window.To ? t : Window.To;
        return to < from ? null : (from, to);
    }

    /// <summary>Days of the window the equipment was in service.</summary>
    public int InServiceDays(EquipmentConfig equipment) =>
        InService(equipment) is { } span ? span.To.DayNumber - span.From.DayNumber + 1 : 0;

    /// <summary>Whether the equipment was networked over the window (cached).</summary>
    public NetworkStatus Network(EquipmentConfig equipment)
    {
        if (_network.TryGetValue(equipment.Id, out var status))
        {
            return status;
        }

        var rules = Config.Indicators;
        var inService = InServiceDays(equipment);
        var networkedDays = 0;
        if (equipment.Source is not null && InService(equipment) is { } span)
        {
            for (var day = span.From; day <= span.To; day = day.AddDays(1))
            {
                if (Rollup(equipment.Id, day) is { Cycles: > 0 } r && r.Availability >= rules.NetworkedDayAvailability)
                {
                    networkedDays++;
                }
            }
        }

        // A tiny tolerance so that e.g. 81 of 90 days with share 0.9 (81.0000000001 in floating point) still counts.
        var networked = inService > 0 && equipment.Source is not null && networkedDays >= (rules.NetworkedWindowShare * inService) - 1e-9;
        status = new NetworkStatus(inService, networkedDays, networked);
        _network[equipment.Id] = status;
        return status;
    }

    private static EquipmentRollup Combine(EquipmentRollup a, EquipmentRollup b) => a with
    {
        Cycles = a.Cycles + b.Cycles,
        GoodCycles = a.GoodCycles + b.GoodCycles,
        OnlineSeconds = a.OnlineSeconds + b.OnlineSeconds,
        RunSeconds = a.RunSeconds + b.RunSeconds,
        IdleSeconds = a.IdleSeconds + b.IdleSeconds,
        DownSeconds = a.DownSeconds + b.DownSeconds,
        OffSeconds = a.OffSeconds + b.OffSeconds,
        UnknownSeconds = a.UnknownSeconds + b.UnknownSeconds,
        GoodParts = a.GoodParts + b.GoodParts,
        BadParts = a.BadParts + b.BadParts,
        TotalParts = a.TotalParts + b.TotalParts,
        EnergyKwh = a.EnergyKwh + b.EnergyKwh,
        GasM3 = a.GasM3 + b.GasM3,
        WaterM3 = a.WaterM3 + b.WaterM3,
        SteamTonnes = a.SteamTonnes + b.SteamTonnes,
        CounterResets = a.CounterResets + b.CounterResets,
    };
}
