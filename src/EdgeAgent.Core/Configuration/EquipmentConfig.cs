namespace EdgeAgent.Core.Configuration;

/// <summary>One piece of equipment in the inventory. Equipment with no source is allowed: it counts in denominators.</summary>
public sealed class EquipmentConfig
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public EquipmentType Type { get; set; } = EquipmentType.Other;

    /// <summary>Id of the process this equipment serves, or null.</summary>
    public string? Process { get; set; }

    /// <summary>Declared control system; <see cref="ControlSystem.None"/> when manually operated.</summary>
    public ControlSystem ControlSystem { get; set; } = ControlSystem.None;

    /// <summary>Whether the equipment has a communication interface at all (digitised equipment).</summary>
    public bool HasCommunicationInterface { get; set; }

    /// <summary>Whether this is production equipment (counts in the networked ratio); meters usually are not.</summary>
    public bool Production { get; set; } = true;

    /// <summary>Id of the source that feeds it, or null when it is not collected.</summary>
    public string? Source { get; set; }

    public List<TagConfig> Tags { get; set; } = [];

    /// <summary>Plant-local day the equipment entered service, when it joined in the middle of a window.</summary>
    public DateOnly? InServiceFrom { get; set; }

    /// <summary>Plant-local day the equipment left service (inclusive last day).</summary>
    public DateOnly? InServiceTo { get; set; }
}
