using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Core.Rollups;
using FsCheck;
using FsCheck.Fluent;
using static EdgeAgent.Core.Tests.IndicatorTests.TestPlant;

namespace EdgeAgent.Core.Tests.IndicatorTests;

/// <summary>
/// FsCheck properties over random plants: every ratio stays within [0, 1], and a plant split over two gateways adds up
/// to the same numerators, denominators, values, coverage and threshold verdicts as one gateway holding everything.
/// </summary>
public class IndicatorPropertyTests
{
    private const int MaxDays = 20;
    private static readonly DateOnly Start = D(2025, 3, 1);
    private static readonly FsCheck.Config Runs = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300);

    public sealed record DaySpec(bool Present, int Cycles, int GoodShare, int RunSeconds, int OutputShare, int GoodPartShare,
        int Kwh, int Gas, int Water, int Steam);

    public sealed record EquipmentSpec(EquipmentType Type, bool Production, bool Digitised, bool HasSource, ControlSystem Control,
        int Process, int? FromOffset, int? InServiceDays, int? PlannedCycle, bool CountsOutput, int Price, bool Boundary,
        bool SecondGateway, DaySpec[] Days);

    public sealed record PlantSpec(int WindowDays, EquipmentSpec[] Equipment, int[] Headcount, bool Shifts, bool Facts,
        bool ListBoundary, double DayAvailability, double WindowShare)
    {
        public override string ToString() =>
            $"{WindowDays} days, {Equipment.Length} equipment: " + string.Join("; ", Equipment.Select((e, i) =>
                $"e{i} {e.Type} prod={e.Production} src={e.HasSource} ctl={e.Control} p{e.Process} from+{e.FromOffset} days={e.InServiceDays} pri={e.PlannedCycle} out={e.CountsOutput} gw={(e.SecondGateway ? 2 : 1)}"));
    }

    [Fact]
    public void EveryRatioIsWithinZeroAndOne() =>
        Check.One(Runs, Prop.ForAll(Plants(), plant =>
        {
            var report = Build(plant, _ => true, "gw");
            var outside = report.Results
                .Where(r => r.Unit == "ratio" && r.Value is { } v && (v < 0 || v > 1 + 1e-12 || r.Numerator > r.Denominator + 1e-9))
                .Select(r => r.ToString())
                .ToList();
            var coverage = report.Results.All(r => r.Coverage is >= 0 and <= 1) && report.Coverage is >= 0 and <= 1;
            return Prop.Label(outside.Count == 0 && coverage, $"outside [0,1]: {string.Join(", ", outside)}; {plant}");
        }));

    [Fact]
    public void TwoGatewaysMergedEqualOneGatewayHoldingBothInventories() =>
        Check.One(Runs, Prop.ForAll(Plants(), plant =>
        {
            var single = Build(plant, _ => true, "gw");
            var first = Build(plant, e => !e.SecondGateway, "gw1");
            var second = Build(plant, e => e.SecondGateway, "gw2");
            var merged = IndicatorReport.Merge(first, second);

            var problems = new List<string>();
            var keys = single.Results.Select(r => (r.Id, r.Subject)).ToHashSet();
            if (!keys.SetEquals(merged.Results.Select(r => (r.Id, r.Subject))))
            {
                problems.Add("different result sets");
            }

            foreach (var expected in single.Results)
            {
                var actual = merged.Find(expected.Id, expected.Subject);
                if (actual is null)
                {
                    continue;
                }

                if (!Close(expected.Numerator, actual.Numerator) || !Close(expected.Denominator, actual.Denominator)
                    || expected.Value.HasValue != actual.Value.HasValue
                    || (expected.Value is { } ev && !Close(ev, actual.Value!.Value))
                    || Math.Abs(expected.Coverage - actual.Coverage) > 1e-12
                    || !expected.Thresholds.Select(t => t.Met).SequenceEqual(actual.Thresholds.Select(t => t.Met)))
                {
                    problems.Add($"{expected} vs merged {actual}");
                }
            }

            if (Math.Abs(single.Coverage - merged.Coverage) > 1e-12)
            {
                problems.Add($"report coverage {single.Coverage} vs {merged.Coverage}");
            }

            return Prop.Label(problems.Count == 0, string.Join(" | ", problems) + " :: " + plant);
        }));

    private static bool Close(double expected, double actual) =>
        Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));

    private static IndicatorReport Build(PlantSpec plant, Func<EquipmentSpec, bool> held, string agent)
    {
        var to = Start.AddDays(plant.WindowDays - 1);
        var equipment = new List<EquipmentConfig>();
        var settings = new List<IndicatorsEquipmentConfig>();
        var rollups = new List<EquipmentRollup>();
        for (var i = 0; i < plant.Equipment.Length; i++)
        {
            var spec = plant.Equipment[i];
            if (!held(spec))
            {
                continue;
            }

            var id = $"e{i}";
            DateOnly? from = spec.FromOffset is { } f ? Start.AddDays(f) : null;
            DateOnly? until = from is { } start && spec.InServiceDays is { } n ? start.AddDays(n - 1) : null;
            equipment.Add(Machine(id, spec.HasSource ? "src" : null, spec.Type, spec.Control, spec.Process < 4 ? $"p{spec.Process}" : null,
                spec.Production, spec.Digitised || spec.HasSource, from, until));
            settings.Add(new IndicatorsEquipmentConfig { Equipment = id, PlannedCycleSeconds = spec.PlannedCycle, UnitPriceCny = spec.Price, CountsOutput = spec.CountsOutput });
            for (var d = 0; d < plant.WindowDays; d++)
            {
                var day = spec.Days[d];
                if (!day.Present)
                {
                    continue;
                }

                // Produced quantity never needs more than the run time at the planned cycle, so performance ≤ 1.
                var produced = Math.Floor(day.RunSeconds / (double)(spec.PlannedCycle ?? 60) * day.OutputShare / 100);
                var good = Math.Floor(produced * day.GoodPartShare / 100);
                rollups.Add(Day(id, Start.AddDays(d), day.Cycles, day.Cycles * day.GoodShare / 100, day.RunSeconds, good, produced - good,
                    produced, day.Kwh, day.Gas, day.Water, day.Steam));
            }
        }

        var config = Config("C34", [.. equipment]);
        config.Site.AgentId = agent;
        config.Processes = [new() { Id = "p0", Key = true }, new() { Id = "p1", Key = true }, new() { Id = "p2", Key = true }, new() { Id = "p3" }];
        config.Indicators.NetworkedDayAvailability = plant.DayAvailability;
        config.Indicators.NetworkedWindowShare = plant.WindowShare;
        config.Indicators.Equipment = settings;
        config.Indicators.Headcount = [.. plant.Headcount.Select((n, k) => new HeadcountEntry { From = Start.AddDays((k * 7) - 3), DirectProductionWorkers = n })];
        config.Indicators.Output.Source = plant.Facts ? IndicatorsOutputSource.Facts : IndicatorsOutputSource.Counters;
        if (plant.ListBoundary)
        {
            // The plant-wide list; each gateway holds only some of the listed equipment.
            config.Indicators.Energy.BoundaryEquipment = [.. plant.Equipment.Select((e, k) => (e, k)).Where(x => x.e.Boundary).Select(x => $"e{x.k}")];
        }

        if (plant.Shifts)
        {
            config.Indicators.Shifts.Shifts = [new() { Start = new TimeOnly(22, 0), End = new TimeOnly(8, 0), BreakMinutes = 45 }];
        }

        IReadOnlyList<OutputFact> facts = plant.Facts
            ? [new(Start.AddDays(-5), Start.AddDays(9), 150_000, 1_500), new(Start.AddDays(10), Start.AddDays(40), 310_000, null)]
            : [];
        return Compute(config, rollups, Start, to, facts);
    }

    private static Arbitrary<PlantSpec> Plants()
    {
        var day =
            from present in Gen.Frequency((1, Gen.Constant(false)), (4, Gen.Constant(true)))
            from cycles in Gen.Choose(0, 100)
            from goodShare in Gen.Elements(0, 50, 85, 90, 95, 100)
            from run in Gen.Choose(0, 86_400)
            from outputShare in Gen.Choose(0, 100)
            from goodPartShare in Gen.Choose(0, 100)
            from kwh in Gen.Choose(0, 2_000)
            from gas in Gen.Choose(0, 50)
            from water in Gen.Choose(0, 30)
            from steam in Gen.Choose(0, 3)
            select new DaySpec(present, cycles, goodShare, run, outputShare, goodPartShare, kwh, gas, water, steam);
        var equipment =
            from type in Gen.Elements(EquipmentType.Cnc, EquipmentType.Robot, EquipmentType.Other, EquipmentType.Meter)
            from production in Gen.Elements(true, true, false)
            from digitised in Gen.Elements(true, false)
            from hasSource in Gen.Elements(true, true, false)
            from control in Gen.Elements(ControlSystem.None, ControlSystem.Cnc, ControlSystem.Plc, ControlSystem.Dcs, ControlSystem.Other)
            from process in Gen.Choose(0, 4)
            from fromOffset in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(-5, MaxDays).Select(x => (int?)x)))
            from inService in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(1, MaxDays).Select(x => (int?)x)))
            from pri in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(10, 300).Select(x => (int?)x)))
            from countsOutput in Gen.Elements(true, false)
            from price in Gen.Choose(0, 500)
            from boundary in Gen.Elements(true, false)
            from second in Gen.Elements(true, false)
            from days in Gen.ArrayOf(day, MaxDays)
            select new EquipmentSpec(type, production && type != EquipmentType.Meter, digitised, hasSource, control, process,
                fromOffset, inService, pri, countsOutput, price, boundary, second, days);
        var plant =
            from windowDays in Gen.Choose(1, MaxDays)
            from count in Gen.Choose(0, 8)
            from items in Gen.ArrayOf(equipment, count)
            from headcountEntries in Gen.Choose(0, 3)
            from headcount in Gen.ArrayOf(Gen.Choose(0, 200), headcountEntries)
            from shifts in Gen.Elements(true, false)
            from facts in Gen.Elements(true, false)
            from listBoundary in Gen.Elements(true, false)
            from dayAvailability in Gen.Elements(0.0, 0.5, 0.9, 1.0)
            from windowShare in Gen.Elements(0.0, 0.5, 0.9, 1.0)
            select new PlantSpec(windowDays, items, headcount, shifts, facts, listBoundary, dayAvailability, windowShare);
        return Arb.From(plant, Shrink);
    }

    /// <summary>Smaller counterexamples: one equipment fewer, or a shorter window.</summary>
    private static IEnumerable<PlantSpec> Shrink(PlantSpec plant)
    {
        for (var i = 0; i < plant.Equipment.Length; i++)
        {
            yield return plant with { Equipment = [.. plant.Equipment.Where((_, k) => k != i)] };
        }

        if (plant.WindowDays > 1)
        {
            yield return plant with { WindowDays = plant.WindowDays - 1 };
        }
    }
}
