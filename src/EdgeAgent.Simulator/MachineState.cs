namespace EdgeAgent.Simulator;

/// <summary>Run state of a simulated machine, as the run-state tag's code map names them.</summary>
public enum MachineState
{
    /// <summary>Switched off (outside working hours).</summary>
    Off,

    /// <summary>Powered, waiting: between jobs, warming up, or kept on outside working hours.</summary>
    Idle,

    /// <summary>Producing parts.</summary>
    Run,

    /// <summary>Broken down, being repaired.</summary>
    Down,
}
