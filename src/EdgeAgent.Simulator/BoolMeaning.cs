namespace EdgeAgent.Simulator;

/// <summary>What a bool tag of a machine signals, guessed from its name.</summary>
internal enum BoolMeaning
{
    /// <summary>True while running (the default).</summary>
    Running,

    /// <summary>An alarm or fault: true while broken down.</summary>
    Alarm,

    /// <summary>Servo on, powered, ready: true unless switched off.</summary>
    Powered,
}
