using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator.Tests;

public class PlantModelTests
{
    [Fact]
    public void SameSeedAndTimesGiveTheSamePlant()
    {
        var config = SamplePlant.Load();
        var a = SamplePlant.Model(config: config);
        var b = SamplePlant.Model(config: SamplePlant.Load());
        var other = SamplePlant.Model(new SimulatorOptions { Seed = 7 }, config: SamplePlant.Load());
        var differs = false;
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(2); t = t.AddMinutes(7))
        {
            a.Advance(t);
            b.Advance(t);
            other.Advance(t);
            foreach (var (equipment, tag) in SamplePlant.Tags(config))
            {
                Assert.Equal(a.Read(equipment.Id, tag.Name), b.Read(equipment.Id, tag.Name));
                differs |= a.Read(equipment.Id, tag.Name) != other.Read(equipment.Id, tag.Name);
            }
        }

        Assert.True(differs, "another seed should give another plant");
    }

    [Fact]
    public void StepSizeDoesNotChangeThePlant()
    {
        var fine = SamplePlant.Model();
        var coarse = SamplePlant.Model();
        var end = SamplePlant.MondayMidnightUtc.AddDays(3);
        for (var t = SamplePlant.MondayMidnightUtc; t <= end; t = t.AddSeconds(10))
        {
            fine.Advance(t);
            if ((t - SamplePlant.MondayMidnightUtc).Ticks % TimeSpan.FromHours(1).Ticks == 0)
            {
                coarse.Advance(t);
                foreach (var (id, machine) in fine.Machines)
                {
                    var other = coarse.Machines[id];
                    Assert.Equal(machine.State, other.State);
                    Assert.Equal(machine.GoodParts, other.GoodParts);
                    Assert.Equal(machine.BadParts, other.BadParts);
                    Assert.Equal(machine.EnergyKwh, other.EnergyKwh, 1e-6);
                }

                Assert.Equal(fine.PlantEnergyKwh, coarse.PlantEnergyKwh, 1e-6);
            }
        }
    }

    [Fact]
    public void CountersNeverDecreaseWithoutAWrapOrReset()
    {
        var config = SamplePlant.Load();
        var model = SamplePlant.Model(config: config);
        var counters = SamplePlant.Tags(config).Where(x => SamplePlant.IsCounter(x.Tag)).ToList();
        Assert.True(counters.Count >= 17);
        var last = counters.ToDictionary(c => (c.Equipment.Id, c.Tag.Name), c => model.Read(c.Equipment, c.Tag).Number);
        var risen = new HashSet<(string, string)>();
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(14); t = t.AddMinutes(1))
        {
            model.Advance(t);
            foreach (var (equipment, tag) in counters)
            {
                var value = model.Read(equipment, tag).Number;
                var key = (equipment.Id, tag.Name);
                Assert.True(value >= last[key], $"{equipment.Id}/{tag.Name} fell from {last[key]} to {value} at {t:o}");
                if (value > last[key])
                {
                    risen.Add(key);
                }

                last[key] = value;
            }
        }

        Assert.Equal(counters.Count, risen.Count);
    }

    [Fact]
    public void ACounterWrapsAtItsTypesMaximum()
    {
        // uint32 with scale 0.01 holds at most 42 949 672.95 kWh; start just below it.
        var options = new SimulatorOptions();
        options.InitialCounters["cnc-1/energy"] = 42_949_672.00;
        options.InitialCounters["robot-1/cycles"] = uint.MaxValue - 5.0;
        var model = SamplePlant.Model(options, SamplePlant.MondayMorningUtc);
        var energyBefore = model.Read("cnc-1", "energy").Number;
        var cyclesBefore = model.Read("robot-1", "cycles").Number;
        Assert.Equal(42_949_672.00, energyBefore, 1e-6);

        model.Advance(SamplePlant.MondayMorningUtc.AddHours(4));

        var machine = model.Machines["cnc-1"];
        var energyAfter = model.Read("cnc-1", "energy").Number;
        var expected = Math.Floor(((42_949_672.00 + machine.EnergyKwh) * 100) + 1e-9) % 4_294_967_296 / 100;
        Assert.True(energyAfter < energyBefore, $"the energy counter should have wrapped, shows {energyAfter}");
        Assert.Equal(expected, energyAfter, 1e-6);
        var cyclesAfter = model.Read("robot-1", "cycles").Number;
        Assert.Equal((uint.MaxValue - 5.0 + model.Machines["robot-1"].TotalParts) % 4_294_967_296, cyclesAfter);
        Assert.True(cyclesAfter < cyclesBefore);
    }

    [Fact]
    public void AConfiguredResetZeroesTheCountersOnce()
    {
        var resetAt = SamplePlant.MondayMorningUtc.AddHours(2);
        var options = new SimulatorOptions { CounterResets = [new CounterReset("meter-main", resetAt), new CounterReset("cnc-2", resetAt)] };
        var model = SamplePlant.Model(options, SamplePlant.MondayMorningUtc);
        model.Advance(resetAt.AddSeconds(-1));
        var meterBefore = model.Read("meter-main", "energyTotal").Number;
        var partsBefore = model.Read("cnc-2", "partsGood").Number;
        Assert.True(meterBefore > 100_000);
        Assert.True(partsBefore > 1_000);

        model.Advance(resetAt.AddSeconds(1));
        Assert.InRange(model.Read("meter-main", "energyTotal").Number, 0, 1);
        Assert.InRange(model.Read("cnc-2", "partsGood").Number, 0, 1);

        model.Advance(resetAt.AddHours(3));
        var plantAfterReset = model.Read("meter-main", "energyTotal").Number;
        Assert.InRange(plantAfterReset, 3 * 15, 3 * 200);
        Assert.True(model.Read("cnc-2", "partsGood").Number > 0);
        Assert.Equal(1, model.Machines["cnc-2"].ResetCount);
        // Other equipment is untouched, and the plant total keeps counting through the meter's reset.
        Assert.True(model.Read("cnc-1", "partsGood").Number > 1_000);
        Assert.True(model.PlantEnergyKwh > plantAfterReset);
    }

    [Fact]
    public void EnergyGrowsFasterWhenRunning()
    {
        var model = SamplePlant.Model();
        var perState = new Dictionary<MachineState, (double Kwh, double Hours)>();
        var machine = model.Machines["cnc-1"];
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(5); t = t.AddMinutes(1))
        {
            var state = machine.State;
            var since = machine.StateSince;
            var kwh = machine.EnergyKwh;
            model.Advance(t.AddMinutes(1));
            if (machine.State == state && machine.StateSince == since)
            {
                var (sum, hours) = perState.GetValueOrDefault(state);
                perState[state] = (sum + machine.EnergyKwh - kwh, hours + (1 / 60.0));
            }
        }

        double Rate(MachineState s) => perState[s].Kwh / perState[s].Hours;
        Assert.True(Rate(MachineState.Run) > 3 * Rate(MachineState.Idle), $"run {Rate(MachineState.Run):F2} kW vs idle {Rate(MachineState.Idle):F2} kW");
        Assert.True(Rate(MachineState.Idle) > Rate(MachineState.Off));
        Assert.InRange(Rate(MachineState.Run), 0.7 * machine.RatedPowerKw, machine.RatedPowerKw);
    }

    [Fact]
    public void TheMeterCountsAllMachinesPlusABaseLoad()
    {
        var model = SamplePlant.Model();
        var meterStart = model.Read("meter-main", "energyTotal").Number;
        model.Advance(SamplePlant.MondayMidnightUtc.AddDays(1));
        var meterDelta = model.Read("meter-main", "energyTotal").Number - meterStart;
        var machines = model.Machines.Values.Sum(m => m.EnergyKwh);
        var baseLoad = meterDelta - machines;
        Assert.InRange(baseLoad, 4 * 24, 15 * 24);
        Assert.True(machines > baseLoad, $"machines {machines:F0} kWh, base load {baseLoad:F0} kWh");
        Assert.InRange(model.Read("meter-main", "powerKw").Number, 0.98 * model.PlantPowerKw, 1.02 * model.PlantPowerKw);
        Assert.InRange(model.Read("meter-main", "voltageL1").Number, 220, 240);
    }

    [Fact]
    public void AWorkingDayHasRunIdleAndDownTimeInPlausibleShares()
    {
        var model = SamplePlant.Model();
        model.Advance(SamplePlant.MondayMidnightUtc.AddDays(1));
        var machines = model.Machines.Values.ToList();
        double Share(MachineState s) => machines.Sum(m => m.TimeIn(s).TotalHours) / (24.0 * machines.Count);
        var (run, idle, down, off) = (Share(MachineState.Run), Share(MachineState.Idle), Share(MachineState.Down), Share(MachineState.Off));
        var summary = $"run {run:P0} idle {idle:P0} down {down:P1} off {off:P0}";
        Assert.InRange(run, 0.40, 0.75);
        Assert.InRange(idle, 0.05, 0.35);
        Assert.InRange(down, 0.002, 0.10);
        Assert.InRange(off, 0.05, 0.40);
        Assert.Equal(1, run + idle + down + off, 1e-9);
        Assert.True(run > idle + down, summary);
    }

    [Fact]
    public void MachinesAreMostlyOffAtNightAndOnSunday()
    {
        var model = SamplePlant.Model();
        // Monday 03:00 local, then Sunday 2026-11-29 14:00 local.
        model.Advance(SamplePlant.MondayMidnightUtc.AddHours(3));
        Assert.DoesNotContain(model.Machines.Values, m => m.State == MachineState.Run);
        Assert.Contains(model.Machines.Values, m => m.State == MachineState.Off);
        model.Advance(SamplePlant.MondayMidnightUtc.AddDays(6).AddHours(14));
        Assert.DoesNotContain(model.Machines.Values, m => m.State == MachineState.Run);
        Assert.All(model.Machines.Values, m => Assert.True(m.State == MachineState.Off || m.StaysOnWhenClosed));
        model.Advance(SamplePlant.MondayMidnightUtc.AddDays(7).AddHours(10));
        Assert.Contains(model.Machines.Values, m => m.State == MachineState.Run);
    }

    [Fact]
    public void PartsAreMadeOnlyWhileRunningAndAboutTwoPercentAreBad()
    {
        var model = SamplePlant.Model();
        var cnc = model.Machines["cnc-1"];
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(7); t = t.AddMinutes(1))
        {
            var parts = cnc.TotalParts;
            var state = cnc.State;
            var since = cnc.StateSince;
            model.Advance(t.AddMinutes(1));
            if (state != MachineState.Run && cnc.State == state && cnc.StateSince == since)
            {
                Assert.Equal(parts, cnc.TotalParts);
            }
        }

        foreach (var machine in model.Machines.Values)
        {
            var share = machine.BadParts / (double)machine.TotalParts;
            Assert.InRange(share, 0.003, 0.045);
            var expected = machine.TimeIn(MachineState.Run).TotalSeconds / machine.CycleTime.TotalSeconds;
            Assert.InRange(machine.TotalParts, 0.7 * expected, 1.4 * expected);
        }
    }

    [Fact]
    public void TagsFollowTheMachineState()
    {
        var model = SamplePlant.Model();
        var seen = new HashSet<MachineState>();
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(2); t = t.AddMinutes(3))
        {
            model.Advance(t);
            var cnc = model.Machines["cnc-1"];
            seen.Add(cnc.State);
            var expectedCode = cnc.State switch { MachineState.Off => 0, MachineState.Idle => 1, MachineState.Run => 2, _ => 3 };
            Assert.Equal(expectedCode, model.Read("cnc-1", "state").Number);
            Assert.Equal(cnc.State == MachineState.Down ? 1 : 0, model.Read("cnc-1", "alarm").Number);
            var speed = model.Read("cnc-1", "spindleSpeed").Number;
            Assert.True(cnc.State == MachineState.Run ? speed is > 2_500 and < 13_000 : speed == 0, $"{cnc.State}: {speed} rpm");
            Assert.Matches("^O[0-9]{4}$", model.Read("cnc-1", "program").Text);

            var robot = model.Machines["robot-1"];
            Assert.Equal(robot.State != MachineState.Off ? 1 : 0, model.Read("robot-1", "servoOn").Number);
            var payload = model.Read("robot-1", "payloadKg").Number;
            Assert.True(robot.State == MachineState.Run ? payload is > 3 and < 27 : payload == 0);
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void ARunStateMapWithoutDownShowsTheNearestState()
    {
        var config = SamplePlant.Load();
        var state = config.Equipment.Single(e => e.Id == "cnc-1").Tags.Single(t => t.Name == "state");
        state.States = new() { ["10"] = "run", ["20"] = "idle" };
        var model = SamplePlant.Model(config: config);
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(1); t = t.AddMinutes(5))
        {
            model.Advance(t);
            var expected = model.Machines["cnc-1"].State == MachineState.Run ? 10 : 20;
            Assert.Equal(expected, model.Read("cnc-1", "state").Number);
        }
    }

    [Fact]
    public void TheSecondRobotIsFlakyByDefaultAndDropsOffAFewMinutesAnHour()
    {
        var model = SamplePlant.Model();
        Assert.Equal(["mb-robot2"], model.FlakySources);
        var offline = TimeSpan.Zero;
        var transitions = 0;
        var online = true;
        for (var t = SamplePlant.MondayMidnightUtc; t < SamplePlant.MondayMidnightUtc.AddDays(1); t = t.AddSeconds(10))
        {
            model.Advance(t);
            Assert.True(model.IsSourceOnline("mb-cnc1"));
            var now = model.IsSourceOnline("mb-robot2");
            transitions += now != online ? 1 : 0;
            online = now;
            offline += now ? TimeSpan.Zero : TimeSpan.FromSeconds(10);
        }

        var (count, downtime) = model.PastOutages("mb-robot2");
        Assert.InRange(count, 12, 40);
        Assert.InRange(transitions / 2, count - 1, count + 1);
        Assert.InRange(offline.TotalMinutes, downtime.TotalMinutes - 10, downtime.TotalMinutes + 10);
        Assert.InRange(offline.TotalHours, 0.5, 2.5);
    }

    [Fact]
    public void NoFlakySourcesWhenTheListIsEmpty()
    {
        var model = SamplePlant.Model(new SimulatorOptions { FlakySources = [] });
        Assert.Empty(model.FlakySources);
        Assert.Null(model.CurrentOrNextOutage("mb-robot2"));
    }
}
