namespace EdgeAgent.OpcUa;

/// <summary>The deadband of a DataChangeFilter (Part 4 §7.22.2). Percent needs the variable's EURange.</summary>
public enum DeadbandType
{
    None = 0,
    Absolute = 1,
    Percent = 2,
}
