namespace EdgeAgent.Core.Configuration;

/// <summary>One value collected from a source for a piece of equipment.</summary>
public sealed class TagConfig
{
    public string Name { get; set; } = "";
    public TagRole Role { get; set; } = TagRole.Value;

    // Modbus addressing
    public TagTable Table { get; set; } = TagTable.Holding;

    /// <summary>Zero-based protocol address (the "40001" style is not used).</summary>
    public int Address { get; set; }
    public TagType Type { get; set; } = TagType.UInt16;

    /// <summary>Byte order inside each register.</summary>
    public Endianness ByteOrder { get; set; } = Endianness.Big;

    /// <summary>Word order across registers (Big = high word first).</summary>
    public Endianness WordOrder { get; set; } = Endianness.Big;

    /// <summary>String length in registers (type string only).</summary>
    public int Length { get; set; }

    // OPC UA addressing (either a node id or a browse path, namespaces by URI)
    /// <summary>OPC UA node id with namespace URI, e.g. "nsu=urn:plant;s=Machine1.State".</summary>
    public string? NodeId { get; set; }

    /// <summary>OPC UA browse path from Objects, e.g. "/nsu=urn:plant;Machine1/nsu=urn:plant;State".</summary>
    public string? BrowsePath { get; set; }

    public double Scale { get; set; } = 1.0;
    public double Offset { get; set; }
    public string? Unit { get; set; }

    /// <summary>Store a new sample only when the value moves by more than this (absolute); 0 = on change.</summary>
    public double Deadband { get; set; }

    /// <summary>For run-state tags: raw code → state name (run, idle, down, off).</summary>
    public Dictionary<string, string>? States { get; set; }
}
