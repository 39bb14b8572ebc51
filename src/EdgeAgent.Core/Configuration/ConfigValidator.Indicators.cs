namespace EdgeAgent.Core.Configuration;

/// <summary>Validation of the indicators section.</summary>
public static partial class ConfigValidator
{
    private static void ValidateIndicators(IndicatorsConfig indicators, Action<string, string> error)
    {
        Share(indicators.NetworkedDayAvailability, "$.indicators.networkedDayAvailability", error);
        Share(indicators.NetworkedWindowShare, "$.indicators.networkedWindowShare", error);
    }
}
