namespace EdgeAgent.Core.Configuration;

/// <summary>Local web server (status page, JSON API).</summary>
public sealed class WebConfig
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Bearer tokens accepted by the evidence API.</summary>
    public List<string> EvidenceTokens { get; set; } = [];
}
