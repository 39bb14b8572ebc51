namespace EdgeAgent.Core.Indicators;

/// <summary>ISO 22400-2 time and quantity sums of one piece of equipment over a window.</summary>
/// <param name="PlannedBusySeconds">Planned busy time (PBT).</param>
/// <param name="RunSeconds">Actual production time (APT): time in run state.</param>
/// <param name="ProducedPlannedSeconds">Produced quantity × planned cycle time (PQ × PRI).</param>
/// <param name="GoodPlannedSeconds">Good quantity × planned cycle time (GQ × PRI).</param>
/// <param name="GoodQuantity">Good quantity (GQ).</param>
/// <param name="ProducedQuantity">Produced quantity (PQ).</param>
public readonly record struct OeeSums(
    double PlannedBusySeconds,
    double RunSeconds,
    double ProducedPlannedSeconds,
    double GoodPlannedSeconds,
    double GoodQuantity,
    double ProducedQuantity)
{
    /// <summary>Component-wise sum.</summary>
    public OeeSums Add(OeeSums other) => new(
        PlannedBusySeconds + other.PlannedBusySeconds,
        RunSeconds + other.RunSeconds,
        ProducedPlannedSeconds + other.ProducedPlannedSeconds,
        GoodPlannedSeconds + other.GoodPlannedSeconds,
        GoodQuantity + other.GoodQuantity,
        ProducedQuantity + other.ProducedQuantity);
}
