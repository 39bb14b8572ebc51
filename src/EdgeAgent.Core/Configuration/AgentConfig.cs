namespace EdgeAgent.Core.Configuration;

/// <summary>The whole plant configuration: one JSON file (see config/edgeagent.json and its schema).</summary>
public sealed class AgentConfig
{
    public SiteConfig Site { get; set; } = new();
    public List<ProcessConfig> Processes { get; set; } = [];
    public List<EquipmentConfig> Equipment { get; set; } = [];
    public List<SourceConfig> Sources { get; set; } = [];
    public StorageConfig Storage { get; set; } = new();
    public WebConfig Web { get; set; } = new();

    /// <summary>Indicator rules and plant facts the indicators need (headcount, shifts, prices, energy factors).</summary>
    public IndicatorsConfig Indicators { get; set; } = new();

    /// <summary>Pushing signed daily records to assessment platforms (HTTPS, MQTT); off until configured.</summary>
    public PublishingConfig Publishing { get; set; } = new();
}
