namespace EdgeAgent.Simulator;

/// <summary>Run state of a simulated machine.</summary>
public enum MachineState
{
    Off,
    Idle,
    Run,
    Down,
}
