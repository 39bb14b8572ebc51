using System.Globalization;
using System.Text;
using EdgeAgent.Collection.Ingest;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Publishing.Outbox;
using EdgeAgent.Storage;
using EdgeAgent.Web.Api;

namespace EdgeAgent.Web;

/// <summary>Builds the views served by the status API from the configuration, live state and storage.</summary>
public sealed class StatusService
{
    private readonly AgentConfig _config;
    private readonly AgentInfo _info;
    private readonly LiveState _live;
    private readonly IngestMetrics _metrics;
    private readonly IngestChannel _channel;
    private readonly SqliteStorage _storage;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly OutboxMonitor? _outbox;

    /// <summary>Creates the service; <paramref name="outbox"/> is null when publishing is not wired (<c>AddPublishing()</c>), and the outbox then shows as empty.</summary>
    public StatusService(AgentConfig config, AgentInfo info, LiveState live, IngestMetrics metrics, IngestChannel channel, SqliteStorage storage, TimeProvider time, OutboxMonitor? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _info = info;
        _live = live;
        _metrics = metrics;
        _channel = channel;
        _storage = storage;
        _time = time;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
        _outbox = outbox;
    }

    /// <summary>GET /api/status.</summary>
    public object Status()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var storage = _storage.GetInfo();
        var alerts = new List<string>();
        if (_metrics.LastStorageError is { } error)
        {
            alerts.Add($"存储写入失败 storage write failing ({_metrics.PendingSamples} samples held in memory): {error}");
        }

        foreach (var source in _live.Sources.Values.Where(s => !s.Online).OrderBy(s => s.SourceId, StringComparer.Ordinal))
        {
            alerts.Add($"设备离线 source offline: {source.SourceId} since {source.SinceUtc:u} ({source.Reason})");
        }

        var outbox = _outbox?.Snapshot() ?? OutboxStatus.Empty;
        foreach (var channel in outbox.Channels.Where(c => c.LastError is not null))
        {
            alerts.Add($"推送重试中 publishing retrying ({channel.Channel}, {channel.Depth} waiting, attempt {channel.HeadAttempts}): {channel.LastError}");
        }

        foreach (var parked in outbox.Parked)
        {
            alerts.Add($"推送被拒 record refused ({parked.Channel}, record {parked.RecordSeq}, day {parked.Day}): {parked.Reason} (once the cause is fixed: edgeagent outbox requeue --all)");
        }

        return new
        {
            version = _info.Version,
            mode = _info.Mode,
            site = new { id = _config.Site.Id, name = _config.Site.Name, industry = _config.Site.Industry, timeZone = _config.Site.TimeZone, agentId = _config.Site.AgentId },
            startedAt = _info.StartedUtc,
            uptimeSeconds = (now - _info.StartedUtc).TotalSeconds,
            storage = new
            {
                dataFolder = _info.DataFolder,
                bytes = storage.TotalBytes,
                oldestSample = storage.OldestSampleUtc,
                oldestDay = storage.OldestSampleUtc is { } oldest ? LocalDay(oldest).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                newestSample = storage.NewestSampleUtc,
                lastError = _metrics.LastStorageError,
                pendingSamples = _metrics.PendingSamples,
            },
            ingest = new
            {
                queued = _channel.Count,
                capacity = _channel.Capacity,
                samplesReceived = _metrics.SamplesReceived,
                samplesStored = _metrics.SamplesStored,
                statusEvents = _metrics.StatusEvents,
            },
            sources = new
            {
                total = _config.Sources.Count,
                online = _live.Sources.Values.Count(s => s.Online),
            },
            outbox,
            alerts,
        };
    }

    /// <summary>GET /api/devices: every equipment in the inventory, collected or not.</summary>
    public IReadOnlyList<DeviceView> Devices()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var todayStart = DayStartUtc(LocalDay(now));
        var cycles = _storage.ReadCycles(todayStart, now)
            .GroupBy(c => c.SourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Attempts: g.Sum(c => (long)c.Attempts), Good: g.Sum(c => (long)c.Good)), StringComparer.Ordinal);
        var list = new List<DeviceView>(_config.Equipment.Count);
        foreach (var equipment in _config.Equipment)
        {
            DeviceLiveState? state = null;
            double? availability = null;
            if (equipment.Source is { } sourceId)
            {
                _live.Sources.TryGetValue(sourceId, out state);
                if (cycles.TryGetValue(sourceId, out var c) && c.Attempts > 0)
                {
                    availability = (double)c.Good / c.Attempts;
                }
            }

            var values = new List<TagValueView>(equipment.Tags.Count);
            foreach (var tag in equipment.Tags)
            {
                if (_live.LastValues.TryGetValue(new TagKey(equipment.Id, tag.Name), out var sample))
                {
                    values.Add(new TagValueView(
                        tag.Name,
                        double.IsNaN(sample.Value) ? null : sample.Value,
                        sample.Text,
                        tag.Unit,
                        QualityName(sample.Quality),
                        sample.Status,
                        sample.TimestampUtc));
                }
            }

            list.Add(new DeviceView(
                equipment.Id,
                equipment.Name,
                TypeName(equipment.Type),
                equipment.Process,
                equipment.Source,
                equipment.Source is not null,
                state?.Online ?? false,
                equipment.Source is null ? "no source" : state?.Reason ?? "not polled yet",
                state?.LastSeenUtc,
                equipment.Source is null ? false : availability is { } a ? a >= _config.Indicators.NetworkedDayAvailability : null,
                availability,
                null,
                values));
        }

        return list;
    }

    /// <summary>GET /metrics in the Prometheus text format.</summary>
    public string Metrics()
    {
        var storage = _storage.GetInfo();
        var text = new StringBuilder();
        void Metric(string name, string type, string help, double value, string labels = "")
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name}{labels} {value.ToString(CultureInfo.InvariantCulture)}\n");
        }

        Metric("edgeagent_uptime_seconds", "gauge", "Seconds since the agent started.", (_time.GetUtcNow().UtcDateTime - _info.StartedUtc).TotalSeconds);
        Metric("edgeagent_samples_received_total", "counter", "Samples read from devices.", _metrics.SamplesReceived);
        Metric("edgeagent_samples_stored_total", "counter", "Samples written to storage after deadband filtering.", _metrics.SamplesStored);
        Metric("edgeagent_status_events_total", "counter", "Device online/offline transitions.", _metrics.StatusEvents);
        Metric("edgeagent_storage_flush_failures_total", "counter", "Failed storage writes (retried).", _metrics.FlushFailures);
        Metric("edgeagent_storage_pending_samples", "gauge", "Samples held in memory after a failed write.", _metrics.PendingSamples);
        Metric("edgeagent_storage_bytes", "gauge", "Size of the database files.", storage.TotalBytes);
        Metric("edgeagent_ingest_queue_depth", "gauge", "Cycles waiting for the recorder.", _channel.Count);
        AppendOutboxMetrics(text);
        text.Append("# HELP edgeagent_source_online Whether a source (device connection) is online.\n# TYPE edgeagent_source_online gauge\n");
        foreach (var source in _config.Sources)
        {
            var online = _live.Sources.TryGetValue(source.Id, out var s) && s.Online;
            text.Append(CultureInfo.InvariantCulture, $"edgeagent_source_online{{source=\"{LabelValue(source.Id)}\"}} {(online ? 1 : 0)}\n");
        }

        return text.ToString();
    }

    private void AppendOutboxMetrics(StringBuilder text)
    {
        var channels = (_outbox?.Snapshot() ?? OutboxStatus.Empty).Channels;
        void Family(string name, string type, string help, Func<OutboxChannelStatus, double?> value)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
            foreach (var channel in channels)
            {
                if (value(channel) is { } v)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{{channel=\"{LabelValue(channel.Channel)}\"}} {v.ToString(CultureInfo.InvariantCulture)}\n");
                }
            }
        }

        Family("edgeagent_outbox_depth", "gauge", "Signed records waiting to be delivered, per channel.", c => c.Depth);
        Family("edgeagent_outbox_delivered_total", "counter", "Records delivered, per channel.", c => c.Delivered);
        Family("edgeagent_outbox_parked", "gauge", "Records a receiver refused for good (see /api/status), per channel.", c => c.Parked);
        Family("edgeagent_outbox_failures_total", "counter", "Failed delivery attempts since the agent started, per channel.", c => c.FailuresSinceStart);
        Family("edgeagent_outbox_last_push_timestamp_seconds", "gauge", "Unix time of the last acknowledged delivery, per channel.", c => c.LastPush is { } at ? (at - DateTime.UnixEpoch).TotalSeconds : null);
        Family("edgeagent_outbox_connected", "gauge", "Whether the channel's link is up (MQTT only).", c => c.Connected is { } up ? (up ? 1 : 0) : null);
    }

    /// <summary>Escapes a label value as the exposition format requires (backslash, double quote, line feed).</summary>
    private static string LabelValue(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, _zone));

    private DateTime DayStartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), _zone);

    private static string QualityName(SampleQuality quality) => quality switch
    {
        SampleQuality.Good => "good",
        SampleQuality.Bad => "bad",
        SampleQuality.NoCommunication => "no-communication",
        _ => "uncertain",
    };

    private static string TypeName(EquipmentType type) => type.ToString().ToLowerInvariant();
}
