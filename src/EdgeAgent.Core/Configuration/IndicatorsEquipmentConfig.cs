namespace EdgeAgent.Core.Configuration;

/// <summary>Indicator facts about one piece of equipment of the inventory.</summary>
public sealed class IndicatorsEquipmentConfig
{
    /// <summary>Id of the equipment in <c>$.equipment</c>.</summary>
    public string Equipment { get; set; } = "";

    /// <summary>Planned run time per item (ISO 22400-2 PRI), seconds; OEE is computed only for equipment that has one.</summary>
    public double? PlannedCycleSeconds { get; set; }

    /// <summary>Value of one good part leaving this equipment, CNY (output value when the output source is counters).</summary>
    public double? UnitPriceCny { get; set; }

    /// <summary>
    /// Whether the good parts of this equipment are plant output (finished products). Mark only the last stage of a
    /// line, otherwise a part is counted once per machine it passes.
    /// </summary>
    public bool CountsOutput { get; set; }
}
