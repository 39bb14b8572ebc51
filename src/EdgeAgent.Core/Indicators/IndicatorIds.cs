namespace EdgeAgent.Core.Indicators;

/// <summary>Stable ids of the indicators (the <c>id</c> of each result; also the keys of the thresholds catalogue).</summary>
public static class IndicatorIds
{
    public const string NetworkedEquipmentRatio = "networked-equipment-ratio";
    public const string NetworkedDigitisedEquipmentRatio = "networked-digitised-equipment-ratio";
    public const string KeyProcessCncRate = "key-process-cnc-rate";
    public const string KeyProcessCncRateVerified = "key-process-cnc-rate-verified";
    public const string RobotsPerProductionWorker = "robots-per-production-worker";
    public const string EnergyPerOutputValue = "energy-per-output-value";
    public const string EnergyPerUnit = "energy-per-unit";
    public const string Co2PerUnit = "co2-per-unit";
    public const string Oee = "oee";
    public const string OeeAvailability = "oee-availability";
    public const string OeePerformance = "oee-performance";
    public const string OeeQuality = "oee-quality";
    public const string DefectRate = "defect-rate";
}
