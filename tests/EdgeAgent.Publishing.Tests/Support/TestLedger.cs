using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;

namespace EdgeAgent.Publishing.Tests.Support;

/// <summary>
/// A real ledger over a real edgeagent.db in a temp folder: one collected machine with a sample every hour of every
/// day written, so closing a day produces a signed record and a late sample produces a correction.
/// </summary>
internal sealed class TestLedger : IDisposable
{
    public const string Token = "evidence-token-0123456789";

    public const string ConfigJson = """
        {
          "site": { "id": "plant-p", "name": "Publishing test plant", "industry": "C34", "timeZone": "Asia/Shanghai", "agentId": "gw-p" },
          "processes": [ { "id": "machining", "name": "Machining", "key": true } ],
          "sources": [ { "id": "src-a", "protocol": "modbus-tcp", "host": "127.0.0.1", "port": 1502, "unitId": 1 } ],
          "equipment": [
            { "id": "cnc-1", "name": "CNC 1", "type": "cnc", "process": "machining", "controlSystem": "cnc", "hasCommunicationInterface": true, "source": "src-a",
              "tags": [ { "name": "spindle", "address": 0 } ] }
          ],
          "web": { "evidenceTokens": [ "evidence-token-0123456789", "second-token-abcdefghijkl" ] }
        }
        """;

    public static readonly DateOnly FirstDay = new(2026, 3, 1);

    private readonly TempFolder _folder = new();
    private DateOnly _lastWritten;

    public TestLedger()
    {
        var parsed = ConfigReader.Parse(ConfigJson, id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Path + " " + e.Message)));
        Config = parsed.Config!;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Config.Site.TimeZone);
        Storage = new SqliteStorage(_folder.Path);
        Ledger = new LedgerService(Storage, Config, new LedgerOptions { AgentVersion = "test", Rollups = null });
        _lastWritten = FirstDay.AddDays(-1);
    }

    public AgentConfig Config { get; }

    public TimeZoneInfo Zone { get; }

    public SqliteStorage Storage { get; }

    public LedgerService Ledger { get; }

    public string DataFolder => _folder.Path;

    /// <summary>Writes <paramref name="days"/> more days of samples and closes them; returns the records appended.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> AddDaysAsync(int days)
    {
        for (var i = 0; i < days; i++)
        {
            _lastWritten = _lastWritten.AddDays(1);
            var samples = Enumerable.Range(0, 24)
                .Select(h => new Sample(new TagKey("cnc-1", "spindle"), Utc(_lastWritten, h).AddMinutes(5), 1000 + h, null, SampleQuality.Good))
                .ToList();
            await Storage.WriteAsync(samples, [], [new CycleCount("src-a", Utc(_lastWritten, 0), 24, 24)]);
        }

        return await Ledger.CloseThroughAsync(_lastWritten);
    }

    /// <summary>Late data for a closed day: returns the correction record.</summary>
    public async Task<LedgerEntry> AddCorrectionAsync(DateOnly day)
    {
        await Storage.WriteAsync([new Sample(new TagKey("cnc-1", "spindle"), Utc(day, 12).AddSeconds(17), 4242, null, SampleQuality.Good)], [], []);
        return await Ledger.CloseDayAsync(day) ?? throw new InvalidOperationException("no correction appended");
    }

    public IReadOnlyList<LedgerEntry> AllRecords() => Ledger.GetRecords(DateOnly.MinValue, DateOnly.MaxValue).OrderBy(r => r.Seq).ToList();

    public void Dispose()
    {
        Ledger.Dispose();
        Storage.Dispose();
        _folder.Dispose();
    }

    private DateTime Utc(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), Zone);
}
