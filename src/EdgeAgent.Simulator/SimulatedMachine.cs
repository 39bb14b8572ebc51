using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator;

/// <summary>
/// One simulated production machine. Inside its working hours it runs jobs (a batch of parts at a cycle time), idles
/// for changeovers between them and now and then breaks down until repaired; outside them it is off (or, for some
/// machines, kept idle). Parts are counted at the cycle time while running, about 1–3 % of them bad; energy and
/// consumption accumulate with the state's power draw.
/// </summary>
/// <remarks>
/// Event driven: the model jumps from one state change to the next and only counts in between, with separate random
/// streams for state changes and part quality. The result at a given instant therefore does not depend on how finely
/// time was stepped to get there — the demo (200 ms steps) and <c>edgeagent simulate</c> (large steps) see one plant.
/// </remarks>
public sealed class SimulatedMachine
{
    internal const double GasM3PerRunHour = 1.5;
    internal const double WaterM3PerRunHour = 0.3;
    internal const double SteamTonnesPerRunHour = 0.1;

    private readonly Random _events;
    private readonly Random _quality;
    private readonly long _baseCycleTicks;
    private readonly double _meanJobMinutes;
    private readonly double _meanRunHoursBetweenFailures;
    private readonly long[] _ticksIn = new long[4];
    private readonly List<DateTime> _resets;
    private int _nextReset;
    private DateTime _stateEnd;
    private DateTime _failAt;
    private DateTime _nextCalendarChange;
    private bool _open;
    private bool _closedIdle;
    private long _cycleTicks;
    private long _cycleProgressTicks;
    private double _jobPowerKw;

    internal SimulatedMachine(EquipmentConfig equipment, SimulatorOptions options, TimeZoneInfo zone, DateTime startUtc)
    {
        Equipment = equipment;
        var profile = new Random(Determinism.Seed(options.Seed, equipment.Id, "profile"));
        _events = new Random(Determinism.Seed(options.Seed, equipment.Id, "events"));
        _quality = new Random(Determinism.Seed(options.Seed, equipment.Id, "quality"));
        NoiseKey = Determinism.Hash(equipment.Id) ^ (ulong)options.Seed;

        var (cycleMin, cycleMax, powerMin, powerMax) = equipment.Type switch
        {
            EquipmentType.Cnc => (60.0, 240.0, 12.0, 28.0),
            EquipmentType.Robot => (30.0, 90.0, 4.0, 9.0),
            _ => (20.0, 120.0, 3.0, 15.0),
        };
        _baseCycleTicks = TimeSpan.FromSeconds(Math.Round(Determinism.Between(profile, cycleMin, cycleMax))).Ticks;
        RatedPowerKw = Math.Round(Determinism.Between(profile, powerMin, powerMax), 1);
        BadRate = Determinism.Between(profile, 0.01, 0.03);
        _meanJobMinutes = Determinism.Between(profile, 30, 60);
        _meanRunHoursBetweenFailures = Determinism.Between(profile, 6, 14);
        StaysOnWhenClosed = profile.NextDouble() < 0.25;
        var days = new List<DayOfWeek>(options.WorkDays);
        if (profile.NextDouble() < 0.34 && !days.Contains(DayOfWeek.Saturday))
        {
            days.Add(DayOfWeek.Saturday);
        }

        var start = options.WorkStart.AddMinutes(5 * profile.Next(7));
        var end = options.WorkEnd.AddMinutes(-5 * profile.Next(7));
        Calendar = new ShiftCalendar(zone, start, end, days);
        _resets = [.. options.CounterResets.Where(r => r.EquipmentId == equipment.Id && r.AtUtc > startUtc).Select(r => r.AtUtc).Order()];

        // The program loaded from the last job, shown until the first job starts.
        Program = ProgramName(profile.Next(1000, 10000));
        Now = startUtc;
        _open = Calendar.IsWorking(startUtc);
        _nextCalendarChange = Calendar.NextChange(startUtc);
        if (_open)
        {
            StartJob(midJob: true);
        }
        else
        {
            EnterClosed();
        }
    }

    /// <summary>The equipment this machine simulates.</summary>
    public EquipmentConfig Equipment { get; }

    /// <summary>Its working hours.</summary>
    public ShiftCalendar Calendar { get; }

    /// <summary>Whether it stays idle (rather than off) outside working hours.</summary>
    public bool StaysOnWhenClosed { get; }

    /// <summary>Power drawn while running at full load, kW.</summary>
    public double RatedPowerKw { get; }

    /// <summary>Share of parts that come out bad.</summary>
    public double BadRate { get; }

    /// <summary>The instant the machine has been advanced to.</summary>
    public DateTime Now { get; private set; }

    public MachineState State { get; private set; }

    /// <summary>When the current state began.</summary>
    public DateTime StateSince { get; private set; }

    /// <summary>Good parts made since the model started (never reset: the device's counter shows a reset, not this).</summary>
    public long GoodParts { get; private set; }

    public long BadParts { get; private set; }

    public long TotalParts => GoodParts + BadParts;

    /// <summary>Energy used since the model started, kWh.</summary>
    public double EnergyKwh { get; private set; }

    /// <summary>Running hours since the model started.</summary>
    public double RunHours => TimeSpan.FromTicks(_ticksIn[(int)MachineState.Run]).TotalHours;

    public double GasM3 => RunHours * GasM3PerRunHour;

    public double WaterM3 => RunHours * WaterM3PerRunHour;

    public double SteamTonnes => RunHours * SteamTonnesPerRunHour;

    /// <summary>Jobs started so far; the current job's program, cycle time, spindle speed and payload follow.</summary>
    public int JobNumber { get; private set; }

    /// <summary>Program (CNC) or job (robot) name of the current job.</summary>
    public string Program { get; private set; } = "";

    public TimeSpan CycleTime => TimeSpan.FromTicks(_cycleTicks);

    public double SpindleRpm { get; private set; }

    public double PayloadKg { get; private set; }

    /// <summary>How many configured counter resets have happened, and the lifetime counts at the last one.</summary>
    public int ResetCount { get; private set; }

    internal long GoodAtReset { get; private set; }

    internal long BadAtReset { get; private set; }

    internal double EnergyAtReset { get; private set; }

    internal double RunHoursAtReset { get; private set; }

    /// <summary>Key for this machine's time noise.</summary>
    internal ulong NoiseKey { get; }

    /// <summary>Power drawn now, kW.</summary>
    public double PowerKw => State switch
    {
        MachineState.Run => _jobPowerKw,
        MachineState.Idle => RatedPowerKw * 0.22,
        MachineState.Down => RatedPowerKw * 0.08,
        _ => 0.05,
    };

    /// <summary>Total time spent in <paramref name="state"/> since the model started.</summary>
    public TimeSpan TimeIn(MachineState state) => TimeSpan.FromTicks(_ticksIn[(int)state]);

    /// <summary>Advances to <paramref name="utc"/>, passing through every state change on the way. Earlier times are ignored.</summary>
    internal void Advance(DateTime utc)
    {
        while (Now < utc)
        {
            var next = _nextCalendarChange;
            if (_stateEnd < next)
            {
                next = _stateEnd;
            }

            if (State == MachineState.Run && _failAt < next)
            {
                next = _failAt;
            }

            if (_nextReset < _resets.Count && _resets[_nextReset] < next)
            {
                next = _resets[_nextReset];
            }

            if (next > utc)
            {
                Accumulate(utc);
                return;
            }

            Accumulate(next);
            OnEvent();
        }
    }

    private void Accumulate(DateTime to)
    {
        var ticks = (to - Now).Ticks;
        if (ticks <= 0)
        {
            return;
        }

        EnergyKwh += PowerKw * TimeSpan.FromTicks(ticks).TotalHours;
        _ticksIn[(int)State] += ticks;
        if (State == MachineState.Run)
        {
            _cycleProgressTicks += ticks;
            while (_cycleProgressTicks >= _cycleTicks)
            {
                _cycleProgressTicks -= _cycleTicks;
                if (_quality.NextDouble() < BadRate)
                {
                    BadParts++;
                }
                else
                {
                    GoodParts++;
                }
            }
        }

        Now = to;
    }

    private void OnEvent()
    {
        while (_nextReset < _resets.Count && _resets[_nextReset] <= Now)
        {
            _nextReset++;
            ResetCount++;
            GoodAtReset = GoodParts;
            BadAtReset = BadParts;
            EnergyAtReset = EnergyKwh;
            RunHoursAtReset = RunHours;
        }

        if (_nextCalendarChange <= Now)
        {
            _open = Calendar.IsWorking(Now);
            _nextCalendarChange = Calendar.NextChange(Now);
            if (!_open && State is MachineState.Run or MachineState.Idle)
            {
                EnterClosed();
            }
            else if (_open && (State == MachineState.Off || _closedIdle))
            {
                // Warm-up and first set-up of the day.
                Enter(MachineState.Idle, Determinism.Exponential(_events, 8, 4));
            }

            return;
        }

        if (State == MachineState.Run && _failAt <= Now)
        {
            Enter(MachineState.Down, Determinism.Exponential(_events, 25, 8));
            return;
        }

        if (_stateEnd <= Now)
        {
            switch (State)
            {
                case MachineState.Run:
                    Enter(MachineState.Idle, Determinism.Exponential(_events, 6, 2));
                    break;
                case MachineState.Idle when _open:
                    StartJob(midJob: false);
                    break;
                case MachineState.Down when _open:
                    Enter(MachineState.Idle, Determinism.Exponential(_events, 3, 1));
                    break;
                default:
                    // Repaired after hours, or an idle timer that ran out while closed.
                    EnterClosed();
                    break;
            }
        }
    }

    private void StartJob(bool midJob)
    {
        var duration = Determinism.Exponential(_events, _meanJobMinutes - 10, 10);
        if (midJob)
        {
            duration *= _events.NextDouble();
        }

        JobNumber++;
        _cycleTicks = (long)(_baseCycleTicks * Determinism.Between(_events, 0.85, 1.2));
        _cycleProgressTicks = 0;
        _jobPowerKw = RatedPowerKw * Determinism.Between(_events, 0.75, 1.0);
        SpindleRpm = Math.Round(Determinism.Between(_events, 30, 120)) * 100;
        PayloadKg = Math.Round(Determinism.Between(_events, 4, 25), 1);
        var number = _events.Next(1000, 10000);
        Program = ProgramName(number);
        Enter(MachineState.Run, duration);
        _failAt = Now + Determinism.Exponential(_events, _meanRunHoursBetweenFailures * 60);
    }

    private string ProgramName(int number) => Equipment.Type == EquipmentType.Robot ? $"JOB{number % 1000:D3}" : $"O{number}";

    private void EnterClosed()
    {
        Enter(StaysOnWhenClosed ? MachineState.Idle : MachineState.Off, TimeSpan.MaxValue);
        _closedIdle = StaysOnWhenClosed;
    }

    private void Enter(MachineState state, TimeSpan duration)
    {
        State = state;
        StateSince = Now;
        _closedIdle = false;
        _stateEnd = duration >= DateTime.MaxValue - Now ? DateTime.MaxValue : Now + duration;
    }
}
