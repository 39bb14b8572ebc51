using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator;

/// <summary>
/// One simulated piece of equipment: a run/idle/down/off state machine within working hours, part counters that
/// advance while running, and cumulative energy that grows with the state's power draw. Advanced in time steps; pure.
/// </summary>
public sealed class SimulatedMachine
{
    private readonly Random _random;
    private double _partProgress;
    private DateTime _stateUntil;

    public SimulatedMachine(EquipmentConfig equipment, int seed)
    {
        ArgumentNullException.ThrowIfNull(equipment);
        Equipment = equipment;
        _random = new Random(seed);
        CycleSeconds = equipment.Type == EquipmentType.Robot ? 45 : 90 + _random.Next(60);
        RunPowerKw = equipment.Type switch
        {
            EquipmentType.Robot => 6,
            EquipmentType.Cnc => 12 + _random.Next(8),
            _ => 5,
        };
    }

    public EquipmentConfig Equipment { get; }
    public MachineState State { get; private set; } = MachineState.Off;
    public double CycleSeconds { get; }
    public double RunPowerKw { get; }
    public double GoodParts { get; private set; }
    public double BadParts { get; private set; }
    public double EnergyKwh { get; private set; }

    /// <summary>Power drawn now, kW.</summary>
    public double PowerKw => State switch
    {
        MachineState.Run => RunPowerKw,
        MachineState.Idle => RunPowerKw * 0.25,
        MachineState.Down => RunPowerKw * 0.1,
        _ => 0.2,
    };

    /// <summary>Advances by <paramref name="seconds"/> ending at <paramref name="nowUtc"/>; <paramref name="working"/> = within working hours.</summary>
    public void Advance(DateTime nowUtc, double seconds, bool working)
    {
        if (seconds <= 0)
        {
            return;
        }

        EnergyKwh += PowerKw * seconds / 3600.0;
        if (State == MachineState.Run)
        {
            _partProgress += seconds / CycleSeconds;
            while (_partProgress >= 1)
            {
                _partProgress -= 1;
                if (_random.NextDouble() < 0.02)
                {
                    BadParts++;
                }
                else
                {
                    GoodParts++;
                }
            }
        }

        if (!working)
        {
            // A machine that is down stays down until repaired, even after hours.
            if (State is MachineState.Run or MachineState.Idle)
            {
                Enter(MachineState.Off, nowUtc, TimeSpan.Zero);
            }
            else if (State == MachineState.Down && nowUtc >= _stateUntil)
            {
                Enter(MachineState.Off, nowUtc, TimeSpan.Zero);
            }

            return;
        }

        if (State == MachineState.Off)
        {
            Enter(MachineState.Idle, nowUtc, Minutes(3));
            return;
        }

        if (nowUtc < _stateUntil)
        {
            // A breakdown can strike while running: about once every 6 hours of running.
            if (State == MachineState.Run && _random.NextDouble() < seconds / (6 * 3600.0))
            {
                Enter(MachineState.Down, nowUtc, Minutes(25));
            }

            return;
        }

        switch (State)
        {
            case MachineState.Idle:
                Enter(MachineState.Run, nowUtc, Minutes(35));
                break;
            case MachineState.Run:
                Enter(MachineState.Idle, nowUtc, Minutes(6));
                break;
            case MachineState.Down:
                Enter(MachineState.Idle, nowUtc, Minutes(2));
                break;
        }
    }

    private TimeSpan Minutes(double mean) => TimeSpan.FromMinutes(-mean * Math.Log(1 - _random.NextDouble()));

    private void Enter(MachineState state, DateTime nowUtc, TimeSpan duration)
    {
        State = state;
        _stateUntil = nowUtc + duration;
    }
}
