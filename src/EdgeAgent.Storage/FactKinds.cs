namespace EdgeAgent.Storage;

/// <summary>Well-known <see cref="Fact.Kind"/> values.</summary>
public static class FactKinds
{
    /// <summary>Industrial output value (工业产值) of the period, CNY.</summary>
    public const string OutputValueCny = "output-value-cny";

    /// <summary>Units produced in the period.</summary>
    public const string OutputUnits = "output-units";
}
