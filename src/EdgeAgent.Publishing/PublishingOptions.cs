using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Publishing;

/// <summary>
/// Run-time settings of publishing: the configured channels (<c>$.publishing</c>) plus timings that tests shorten.
/// </summary>
public sealed class PublishingOptions
{
    /// <summary>The <c>$.publishing</c> section.</summary>
    public PublishingConfig Config { get; set; } = new();

    /// <summary>Site id and agent id, for the MQTT topic and client id and the HTTP headers.</summary>
    public SiteConfig Site { get; set; } = new();

    /// <summary>First retry delay; it doubles with jitter up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the computed backoff (a Retry-After header may ask for more, up to <see cref="MaxRetryAfter"/>).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest Retry-After honoured; longer requests are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the feeder looks for new ledger records (the ledger closes a day once a day, so a short delay costs nothing).</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Options from the configuration file.</summary>
    public static PublishingOptions From(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PublishingOptions
        {
            Config = config.Publishing,
            Site = config.Site,
            RetryDelay = TimeSpan.FromSeconds(config.Publishing.RetryDelaySeconds),
            MaxRetryDelay = TimeSpan.FromSeconds(config.Publishing.MaxRetryDelaySeconds),
        };
    }

    /// <summary>The channels with a target configured.</summary>
    public IReadOnlyList<Outbox.OutboxChannel> EnabledChannels()
    {
        var list = new List<Outbox.OutboxChannel>(2);
        if (Config.Https.Enabled)
        {
            list.Add(Outbox.OutboxChannel.Https);
        }

        if (Config.Mqtt.Enabled)
        {
            list.Add(Outbox.OutboxChannel.Mqtt);
        }

        return list;
    }

    /// <summary>The MQTT topic with <c>{agentId}</c> and <c>{siteId}</c> filled in.</summary>
    public string MqttTopic() => Config.Mqtt.Topic
        .Replace("{agentId}", Site.AgentId, StringComparison.Ordinal)
        .Replace("{siteId}", Site.Id, StringComparison.Ordinal);
}
