namespace EdgeAgent.Core.Configuration;

/// <summary>
/// Where signed daily records are pushed (<c>$.publishing</c>). Both channels are off until a URL or a broker host is
/// given; each enabled channel gets every ledger record, in ledger order, from a durable outbox.
/// </summary>
public sealed class PublishingConfig
{
    /// <summary>HTTPS POST of each record to an assessment platform.</summary>
    public PublishingHttpsConfig Https { get; set; } = new();

    /// <summary>MQTT PUBLISH (QoS 1) of each record to a broker.</summary>
    public PublishingMqttConfig Mqtt { get; set; } = new();

    /// <summary>First delay after a failed delivery; it doubles (with jitter) up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int RetryDelaySeconds { get; set; } = 5;

    /// <summary>Longest delay between two delivery attempts (a platform's Retry-After may ask for more, up to a day).</summary>
    public int MaxRetryDelaySeconds { get; set; } = 600;
}
