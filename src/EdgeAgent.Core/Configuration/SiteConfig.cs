namespace EdgeAgent.Core.Configuration;

/// <summary>Who and where the plant is.</summary>
public sealed class SiteConfig
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>GB/T 4754-2017 industry code (e.g. "C34" or "3411"): selects the thresholds that apply.</summary>
    public string Industry { get; set; } = "";

    /// <summary>IANA or Windows time zone id; day boundaries are the plant's local day.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Stable id of this gateway's agent (several agents may serve one plant).</summary>
    public string AgentId { get; set; } = "gateway-1";
}
