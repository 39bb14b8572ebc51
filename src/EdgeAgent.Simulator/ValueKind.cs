namespace EdgeAgent.Simulator;

/// <summary>What a plain value tag measures, guessed from its unit and name so any configured plant gets plausible values.</summary>
internal enum ValueKind
{
    Generic,
    Speed,
    Payload,
    Power,
    Voltage,
    Current,
    Temperature,
    Pressure,
    Frequency,
    Percent,
}
