namespace EdgeAgent.Core.Rollups;

/// <summary>The states a run-state code maps to; anything else (or no data) is unknown.</summary>
internal enum RunState
{
    Unknown = 0,
    Run,
    Idle,
    Down,
    Off,
}
