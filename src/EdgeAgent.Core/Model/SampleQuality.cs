namespace EdgeAgent.Core.Model;

/// <summary>Quality of a sample. Bad reads are stored as quality, never as made-up values.</summary>
public enum SampleQuality : byte
{
    Good = 0,

    /// <summary>The device answered with an error for this tag (e.g. Modbus illegal data address, OPC UA Bad status).</summary>
    Bad = 1,

    /// <summary>The device could not be reached (timeout, connection refused): the value is unknown.</summary>
    NoCommunication = 2,

    /// <summary>Value delivered but the device marked it uncertain.</summary>
    Uncertain = 3,
}
