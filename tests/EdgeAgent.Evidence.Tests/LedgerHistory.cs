using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;

namespace EdgeAgent.Evidence.Tests;

/// <summary>
/// A small plant with a few days of synthetic history written through <see cref="SqliteStorage.WriteAsync"/>: two
/// collected machines (one drops off for an hour on the second day), one manual press, awkward strings for the CSV.
/// </summary>
internal sealed class LedgerHistory : IDisposable
{
    public const string ConfigJson = """
        {
          "site": { "id": "test-plant", "name": "Test plant", "industry": "C34", "timeZone": "Asia/Shanghai", "agentId": "gw-test" },
          "processes": [ { "id": "machining", "name": "Machining", "key": true }, { "id": "pressing", "name": "Pressing", "key": true } ],
          "sources": [
            { "id": "src-a", "protocol": "modbus-tcp", "host": "127.0.0.1", "port": 1502, "unitId": 1, "username": "reader", "password": "secret-a" },
            { "id": "src-b", "protocol": "modbus-tcp", "host": "127.0.0.1", "port": 1503, "unitId": 1 }
          ],
          "equipment": [
            { "id": "cnc-1", "name": "CNC 1", "type": "cnc", "process": "machining", "controlSystem": "cnc", "hasCommunicationInterface": true, "source": "src-a",
              "tags": [
                { "name": "state", "role": "run-state", "address": 0, "states": { "0": "off", "1": "idle", "2": "run", "3": "down" } },
                { "name": "partsGood", "role": "part-counter-good", "address": 1, "type": "uint32" },
                { "name": "energy", "role": "energy-kwh", "address": 3, "type": "uint32", "scale": 0.01 },
                { "name": "program", "address": 20, "type": "string", "length": 8 } ] },
            { "id": "cnc-2", "name": "CNC 2", "type": "cnc", "process": "machining", "controlSystem": "cnc", "hasCommunicationInterface": true, "source": "src-b",
              "tags": [
                { "name": "state", "role": "run-state", "address": 0, "states": { "0": "off", "1": "idle", "2": "run", "3": "down" } },
                { "name": "partsGood", "role": "part-counter-good", "address": 1, "type": "uint32" } ] },
            { "id": "press-1", "name": "Manual press", "type": "other", "process": "pressing", "controlSystem": "none" }
          ],
          "web": { "evidenceTokens": [ "token-0123456789abcdef" ], "operatorTokens": [ "operator-0123456789abcdef" ] },
          "indicators": {
            "headcount": [ { "from": "2025-01-01", "directProductionWorkers": 10 } ],
            "shifts": {
              "shifts": [ { "name": "Day", "start": "08:00", "end": "20:00", "breakMinutes": 60 } ],
              "workingDays": [ "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" ]
            },
            "equipment": [
              { "equipment": "cnc-1", "plannedCycleSeconds": 150, "unitPriceCny": 85, "countsOutput": true },
              { "equipment": "cnc-2", "plannedCycleSeconds": 200, "unitPriceCny": 60, "countsOutput": true }
            ]
          }
        }
        """;

    private readonly TempFolder _folder = new();

    public LedgerHistory(DateOnly first, int days)
    {
        var parsed = ConfigReader.Parse(ConfigJson, id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Path + " " + e.Message)));
        Config = parsed.Config!;
        First = first;
        Last = first.AddDays(days - 1);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Config.Site.TimeZone);
        Storage = new SqliteStorage(_folder.Path);
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            WriteDay(day);
        }
    }

    public AgentConfig Config { get; }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public TimeZoneInfo Zone { get; }

    public SqliteStorage Storage { get; }

    public string DataFolder => _folder.Path;

    public string File(string name) => _folder.File(name);

    public LedgerService CreateLedger(TimeProvider? time = null) => new(Storage, Config, new LedgerOptions { AgentVersion = "test" }, time: time);

    /// <summary>Writes one more sample into a day (late data).</summary>
    public Task WriteLateSampleAsync(DateOnly day) => Storage.WriteAsync(
        [new Sample(new TagKey("cnc-1", "program"), Utc(day, 12, 0).AddSeconds(7), double.NaN, "late", SampleQuality.Good)], [], []);

    public DateTime Utc(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Zone);

    public void Dispose()
    {
        Storage.Dispose();
        _folder.Dispose();
    }

    private void WriteDay(DateOnly day)
    {
        var samples = new List<Sample>();
        var events = new List<StatusEvent>();
        var cycles = new List<CycleCount>();
        var start = Utc(day, 0, 0);
        var dayIndex = day.DayNumber - First.DayNumber;
        var state1 = new TagKey("cnc-1", "state");
        var good1 = new TagKey("cnc-1", "partsGood");
        var energy1 = new TagKey("cnc-1", "energy");
        var program1 = new TagKey("cnc-1", "program");
        var state2 = new TagKey("cnc-2", "state");
        var good2 = new TagKey("cnc-2", "partsGood");
        var bOffline = (From: start.AddHours(10), To: start.AddHours(11));
        if (dayIndex == 0)
        {
            events.Add(new StatusEvent("src-a", start.AddSeconds(1), true, "connected"));
            events.Add(new StatusEvent("src-b", start.AddSeconds(2), true, "connected"));
        }

        if (dayIndex == 1)
        {
            events.Add(new StatusEvent("src-b", bOffline.From, false, "timeout"));
            events.Add(new StatusEvent("src-b", bOffline.To, true, "connected"));
        }

        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var t = start.AddMinutes(minute);
            var bDown = dayIndex == 1 && t >= bOffline.From && t < bOffline.To;
            cycles.Add(new CycleCount("src-a", t, 2, 2));
            cycles.Add(new CycleCount("src-b", t, 2, bDown ? 0 : 2));
            if (minute % 5 != 0)
            {
                continue;
            }

            var total = (dayIndex * 288) + (minute / 5);
            var running = minute is >= 8 * 60 and < 20 * 60;
            samples.Add(new Sample(state1, t.AddSeconds(3), running ? 2 : 1, null, SampleQuality.Good));
            samples.Add(new Sample(good1, t.AddSeconds(3), running ? total * 2.0 : total * 2.0, null, SampleQuality.Good));
            samples.Add(new Sample(energy1, t.AddSeconds(3), Math.Round(total * 0.37, 2), null, SampleQuality.Good));
            if (bDown)
            {
                samples.Add(new Sample(state2, t.AddSeconds(4), double.NaN, null, SampleQuality.NoCommunication, "timeout"));
            }
            else
            {
                samples.Add(new Sample(state2, t.AddSeconds(4), running ? 2 : 0, null, SampleQuality.Good));
                samples.Add(new Sample(good2, t.AddSeconds(4), total * 1.5, null, SampleQuality.Good));
            }
        }

        // Strings that CSV must quote, and the difference between an empty string and no string.
        samples.Add(new Sample(program1, start.AddHours(6), double.NaN, "O1001, \"roughing\"\nline 2", SampleQuality.Good));
        samples.Add(new Sample(program1, start.AddHours(7), double.NaN, "", SampleQuality.Good));
        samples.Add(new Sample(program1, start.AddHours(8), double.NaN, null, SampleQuality.Bad, "IllegalDataAddress"));
        Storage.WriteAsync(samples, events, cycles).GetAwaiter().GetResult();
    }
}
