namespace EdgeAgent.Core.Configuration;

/// <summary>A production process (工序); key processes are the denominator of the CNC rate.</summary>
public sealed class ProcessConfig
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Key { get; set; }
}
