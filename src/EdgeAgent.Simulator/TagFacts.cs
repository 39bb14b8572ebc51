using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Simulator;

/// <summary>
/// What the model works out once per configured tag (its kind of value, noise key, run-state codes, counter start) so
/// that reading it — every tag, every step of a 100-day simulation — does no string work.
/// </summary>
internal sealed class TagFacts
{
    public TagFacts(EquipmentConfig equipment, TagConfig tag, int seed)
    {
        Kind = ValueTags.Classify(tag);
        BoolMeaning = ValueTags.ClassifyBool(tag);
        NoiseKey = Determinism.Hash(equipment.Id) ^ (ulong)seed ^ Determinism.Hash(tag.Name);
        StateCodes = [.. Enum.GetValues<MachineState>().Select(s => PlantModel.StateCode(tag, s))];
    }

    public ValueKind Kind { get; }

    public BoolMeaning BoolMeaning { get; }

    public ulong NoiseKey { get; }

    /// <summary>Raw run-state code per <see cref="MachineState"/>.</summary>
    public double[] StateCodes { get; }

    /// <summary>Value a cumulative tag starts from (engineering units), or 0.</summary>
    public double StartValue { get; set; }
}
