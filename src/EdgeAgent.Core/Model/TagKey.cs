namespace EdgeAgent.Core.Model;

/// <summary>Identifies a tag: equipment id + tag name. Instances come from the configuration and are shared, not allocated per sample.</summary>
public sealed record TagKey(string EquipmentId, string Tag)
{
    /// <inheritdoc/>
    public override string ToString() => $"{EquipmentId}/{Tag}";
}
