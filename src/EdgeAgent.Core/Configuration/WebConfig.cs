namespace EdgeAgent.Core.Configuration;

/// <summary>Local web server (status page, JSON API).</summary>
public sealed class WebConfig
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Bearer tokens accepted by the evidence API (read-only: assessment platforms, auditors).</summary>
    public List<string> EvidenceTokens { get; set; } = [];

    /// <summary>
    /// Bearer tokens of the plant's own staff for the facts API (entering output value per period). Kept apart from the
    /// evidence tokens: a platform that may read the evidence must not be able to change what it reads.
    /// </summary>
    public List<string> OperatorTokens { get; set; } = [];
}
