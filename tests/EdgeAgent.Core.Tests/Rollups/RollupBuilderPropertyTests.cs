using EdgeAgent.Core.Model;
using EdgeAgent.Core.Rollups;
using FsCheck;
using FsCheck.Fluent;
using static EdgeAgent.Core.Tests.RollupTests.RollupTestPlant;

namespace EdgeAgent.Core.Tests.RollupTests;

/// <summary>
/// FsCheck properties over random histories: a rebuild from the same inputs (in any order) is identical, times always
/// add up to the period, deltas are never negative, and hours and days are the sums of their minutes.
/// </summary>
public class RollupBuilderPropertyTests
{
    // Three hours across the Berlin fall-back hour (01:00 UTC on 26 October 2025 is 03:00 CEST → 02:00 CET).
    private static readonly DateTime From = Utc("2025-10-25T23:00:00Z");
    private static readonly DateTime To = Utc("2025-10-26T02:00:00Z");
    private static readonly FsCheck.Config Runs = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150);

    public sealed record History(List<Sample> Samples, List<StatusEvent> Events, List<SourceCycles> Cycles)
    {
        public override string ToString() => $"{Samples.Count} samples, {Events.Count} events, {Cycles.Count} cycle rows";
    }

    private static Gen<Sample> Samples()
    {
        var seconds = (int)(To - From).TotalSeconds;
        return from tag in Gen.Elements(StateTag, PartsGoodTag, PartsBadTag, EnergyTag, Counter16Tag, MeterFloatTag)
               from offset in Gen.Choose(-1800, seconds + 600)
               from value in Gen.Choose(0, 70000)
               from quality in Gen.Frequency((9, Gen.Constant(SampleQuality.Good)), (1, Gen.Constant(SampleQuality.Bad)))
               select new Sample(tag, From.AddSeconds(offset), tag == StateTag ? value % 5 : value, null, quality);
    }

    private static Gen<History> Histories()
    {
        var minutes = (int)(To - From).TotalMinutes;
        var events = from offset in Gen.Choose(-3600, minutes * 60)
                     from online in Gen.Elements(true, false)
                     select new StatusEvent("s1", From.AddSeconds(offset), online, online ? "connected" : "timeout");
        var cycles = from minute in Gen.Choose(-5, minutes + 5)
                     from attempts in Gen.Choose(0, 60)
                     from good in Gen.Choose(0, 60)
                     select new SourceCycles("s1", From.AddMinutes(minute), attempts, Math.Min(good, attempts));
        return from s in Gen.ListOf(Samples())
               from e in Gen.ListOf(events)
               from c in Gen.ListOf(cycles)
               select new History([.. s], [.. e], [.. c]);
    }

    private static IReadOnlyList<EquipmentRollup> Build(History h) =>
        new RollupBuilder(Config(), Berlin).Build(From, To, h.Samples, h.Events, h.Cycles);

    [Fact]
    public void RebuildFromTheSameInputsInAnyOrderIsIdentical()
    {
        Check.One(Runs, Prop.ForAll(Histories().ToArbitrary(), h =>
        {
            var first = Build(h);
            var again = Build(h);
            var reversed = Build(new History(
                h.Samples.AsEnumerable().Reverse().ToList(),
                h.Events.AsEnumerable().Reverse().ToList(),
                h.Cycles.AsEnumerable().Reverse().ToList()));
            return first.SequenceEqual(again) && first.SequenceEqual(reversed);
        }));
    }

    [Fact]
    public void TimesAddUpAndDeltasAreNeverNegative()
    {
        Check.One(Runs, Prop.ForAll(Histories().ToArbitrary(), h =>
        {
            foreach (var r in Build(h))
            {
                var length = (r.EndUtc - r.StartUtc).TotalSeconds;
                var states = r.RunSeconds + r.IdleSeconds + r.DownSeconds + r.OffSeconds + r.UnknownSeconds;
                var deltas = new[] { r.GoodParts, r.BadParts, r.TotalParts, r.EnergyKwh, r.GasM3, r.WaterM3, r.SteamTonnes };
                if (Math.Abs(states - length) > 1e-6 || r.OnlineSeconds < 0 || r.OnlineSeconds > length + 1e-6
                    || r.UnknownSeconds < 0 || deltas.Any(d => d < 0) || r.GoodCycles > r.Cycles)
                {
                    return false.Label($"{r}");
                }
            }

            return true.Label("ok");
        }));
    }

    [Fact]
    public void HoursAndDaysAreSumsOfTheirMinutes()
    {
        Check.One(Runs, Prop.ForAll(Histories().ToArbitrary(), h =>
        {
            var rollups = Build(h);
            var minutes = rollups.Where(r => r.Period == RollupPeriod.Minute).ToList();
            foreach (var r in rollups.Where(r => r.Period != RollupPeriod.Minute))
            {
                var inside = minutes.Where(m => m.StartUtc >= r.StartUtc && m.EndUtc <= r.EndUtc).ToList();
                if (inside.Sum(m => m.Cycles) != r.Cycles
                    || Math.Abs(inside.Sum(m => m.RunSeconds) - r.RunSeconds) > 1e-6
                    || Math.Abs(inside.Sum(m => m.GoodParts) - r.GoodParts) > 1e-6
                    || Math.Abs(inside.Sum(m => m.EnergyKwh) - r.EnergyKwh) > 1e-6
                    || inside.Sum(m => m.CounterResets) != r.CounterResets)
                {
                    return false.Label($"{r}");
                }
            }

            return true.Label("ok");
        }));
    }
}
