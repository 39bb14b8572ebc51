using System.IO.Compression;
using System.Text;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;
using EdgeAgent.Storage;
using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

/// <summary>
/// <c>edgeagent export</c> and <c>edgeagent verify</c> through the real command line: two closed days of a small plant,
/// exported, verified (with and without the agent's public key), then tampered with.
/// </summary>
public sealed class EvidenceCommandTests : IDisposable
{
    private const string ConfigJson = """
        {
          "site": { "id": "cli-plant", "name": "CLI plant", "industry": "C34", "timeZone": "Asia/Shanghai", "agentId": "gw-cli" },
          "processes": [ { "id": "machining", "name": "Machining", "key": true } ],
          "sources": [ { "id": "src-a", "protocol": "modbus-tcp", "host": "127.0.0.1", "port": 1502, "unitId": 1 } ],
          "equipment": [
            { "id": "cnc-1", "name": "CNC 1", "type": "cnc", "process": "machining", "controlSystem": "cnc", "hasCommunicationInterface": true, "source": "src-a",
              "tags": [
                { "name": "state", "role": "run-state", "address": 0, "states": { "1": "idle", "2": "run" } },
                { "name": "partsGood", "role": "part-counter-good", "address": 1, "type": "uint32" } ] }
          ],
          "indicators": {
            "headcount": [ { "from": "2025-01-01", "directProductionWorkers": 4 } ],
            "shifts": {
              "shifts": [ { "name": "Day", "start": "08:00", "end": "20:00", "breakMinutes": 60 } ],
              "workingDays": [ "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" ]
            },
            "equipment": [ { "equipment": "cnc-1", "plannedCycleSeconds": 150, "unitPriceCny": 85, "countsOutput": true } ]
          }
        }
        """;

    private static readonly DateOnly First = new(2025, 6, 2);
    private readonly TempFolder _folder = new();
    private readonly string _config;
    private readonly string _data;

    public EvidenceCommandTests()
    {
        _config = _folder.File("edgeagent.json");
        File.WriteAllText(_config, ConfigJson);
        _data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(_data);
    }

    [Fact]
    public async Task ExportedBundleVerifiesWithTimingsAndWithTheAgentsKey()
    {
        await CloseTwoDaysAsync();
        var bundle = _folder.File("bundle.zip");

        var export = await EdgeAgentCli.InvokeAsync("export", "--config", _config, "--data", _data, "--from", "2025-06-02", "--to", "2025-06-03", "--out", bundle);
        var verify = await EdgeAgentCli.InvokeAsync("verify", bundle, "--timings");
        var pinned = await EdgeAgentCli.InvokeAsync("verify", bundle, "--public-key", PublicKeyPem());

        Assert.Equal(0, export.ExitCode);
        Assert.Contains("2 signed day(s) 2025-06-02 .. 2025-06-03", export.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.EndsWith("OK: bundle.zip verifies (against the keys inside it)", verify.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("digests and collection figures recomputed from the raw CSV for 2 day(s); indicators recomputed for 2", verify.Output, StringComparison.Ordinal);
        var timings = verify.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(timings);
        Assert.All(timings, line => Assert.Matches(@"^\s+\d+\.\d{3} s\s+\S", line));
        Assert.True(pinned.ExitCode == 0, pinned.Output + pinned.Error);
        Assert.Contains("(against the given key ", pinned.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputValueEnteredForClosedDaysGetsCorrectionRecordsThatVerify()
    {
        var json = ConfigJson.Replace("\"indicators\": {", "\"indicators\": {\n    \"output\": { \"source\": \"facts\" },", StringComparison.Ordinal);
        File.WriteAllText(_config, json);
        await CloseTwoDaysAsync(json);
        string[] june = ["--config", _config, "--data", _data, "--from", "2025-06-01", "--to", "2025-06-30"];

        var bad = await EdgeAgentCli.InvokeAsync(["facts", "output", .. june, "--value-cny", "-5"]);
        var set = await EdgeAgentCli.InvokeAsync(["facts", "output", .. june, "--value-cny", "3000000", "--units", "6000", "--note", "ERP June"]);
        var again = await EdgeAgentCli.InvokeAsync(["facts", "output", .. june, "--value-cny", "3000000", "--units", "6000", "--note", "ERP June"]);
        var list = await EdgeAgentCli.InvokeAsync(["facts", "list", .. june]);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--value-cny: must be a positive number", bad.Error, StringComparison.Ordinal);
        Assert.True(set.ExitCode == 0, set.Output + set.Error);
        Assert.Contains("Stored output value 3000000 CNY, 6000 units for 2025-06-01 .. 2025-06-30", set.Output, StringComparison.Ordinal);
        Assert.Contains("2 closed day(s) got correction records: 2025-06-02 (#3 supersedes #1), 2025-06-03 (#4 supersedes #2)", set.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("correction", again.Output, StringComparison.Ordinal);
        var rows = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2025-06-01\t2025-06-30\t3000000\t6000\t", rows[1], StringComparison.Ordinal);
        Assert.EndsWith("\tERP June", rows[1], StringComparison.Ordinal);
        Assert.Equal("1 period(s)", rows[2]);

        // An overlapping period is refused (output would count twice); a wrong entry is deleted, with corrections.
        var overlap = await EdgeAgentCli.InvokeAsync(["facts", "output", "--config", _config, "--data", _data, "--from", "2025-06-15", "--to", "2025-07-14", "--value-cny", "1"]);
        Assert.Equal(2, overlap.ExitCode);
        Assert.Contains("--from: the period overlaps 2025-06-01 .. 2025-06-30 entered before", overlap.Error, StringComparison.Ordinal);
        var stray = await EdgeAgentCli.InvokeAsync(["facts", "output", "--config", _config, "--data", _data, "--from", "2025-07-01", "--to", "2025-07-31", "--value-cny", "5"]);
        var delete = await EdgeAgentCli.InvokeAsync(["facts", "delete", "--config", _config, "--data", _data, "--from", "2025-07-01", "--to", "2025-07-31"]);
        var deleteAgain = await EdgeAgentCli.InvokeAsync(["facts", "delete", "--config", _config, "--data", _data, "--from", "2025-07-01", "--to", "2025-07-31"]);
        Assert.Equal(0, stray.ExitCode);
        Assert.Equal(0, delete.ExitCode);
        Assert.Contains("Deleted the output value of 2025-07-01 .. 2025-07-31", delete.Output, StringComparison.Ordinal);
        Assert.Equal(1, deleteAgain.ExitCode);
        Assert.Contains("no output value was entered for exactly 2025-07-01 .. 2025-07-31", deleteAgain.Error, StringComparison.Ordinal);

        // The corrections carry the output value, and an auditor's verify recomputes their indicators with it.
        var bundle = _folder.File("bundle.zip");
        Assert.Equal(0, (await EdgeAgentCli.InvokeAsync("export", "--config", _config, "--data", _data, "--from", "2025-06-02", "--to", "2025-06-03", "--out", bundle)).ExitCode);
        var verify = await EdgeAgentCli.InvokeAsync("verify", bundle);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("indicators recomputed for 2", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedBundleFailsWithOneLinePerProblem()
    {
        await CloseTwoDaysAsync();
        var bundle = _folder.File("bundle.zip");
        Assert.Equal(0, (await EdgeAgentCli.InvokeAsync("export", "--config", _config, "--data", _data, "--from", "2025-06-02", "--to", "2025-06-04", "--out", bundle)).ExitCode);
        using (var zip = ZipFile.Open(bundle, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(BundlePaths.Samples)!;
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            // The second day's first partsGood row loses one part.
            var at = text.IndexOf("\ncnc-1,partsGood,", text.IndexOf(",2025-06-02T16:", StringComparison.Ordinal), StringComparison.Ordinal) + 1;
            var fields = text[at..text.IndexOf('\n', at)].Split(',');
            fields[4] = (long.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            text = text[..at] + string.Join(',', fields) + text[text.IndexOf('\n', at)..];
            using var writer = new StreamWriter(zip.CreateEntry(BundlePaths.Samples).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        var verify = await EdgeAgentCli.InvokeAsync("verify", bundle);

        Assert.Equal(1, verify.ExitCode);
        var lines = verify.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("digest mismatch on day 2025-06-03: the raw data differs from what was signed: samples", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("raw/samples.csv changed after export", StringComparison.Ordinal));
        Assert.Contains("missing day 2025-06-04: no signed record in the bundle", lines);
        Assert.DoesNotContain(lines, l => l.Contains("2025-06-02", StringComparison.Ordinal));
        Assert.Contains($"FAILED: {lines.Length} problem(s) in bundle.zip", verify.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Creates the signing key with <c>keys init</c>, writes two days of rows and closes them into the ledger.</summary>
    private async Task CloseTwoDaysAsync(string configJson = ConfigJson)
    {
        Assert.Equal(0, (await EdgeAgentCli.InvokeAsync("keys", "init", "--config", _config, "--data", _data)).ExitCode);
        var config = ConfigReader.Parse(configJson, id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)).Config!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(config.Site.TimeZone);
        using var storage = new SqliteStorage(_data);
        var state = new TagKey("cnc-1", "state");
        var parts = new TagKey("cnc-1", "partsGood");
        var samples = new List<Sample>();
        var cycles = new List<CycleCount>();
        var start = TimeZoneInfo.ConvertTimeToUtc(First.ToDateTime(TimeOnly.MinValue), zone);
        var events = new List<StatusEvent> { new("src-a", start.AddSeconds(1), true, "connected") };
        for (var minute = 0; minute < 2 * 24 * 60; minute++)
        {
            var t = start.AddMinutes(minute);
            cycles.Add(new CycleCount("src-a", t, 2, 2));
            if (minute % 10 == 0)
            {
                var running = minute % (24 * 60) is >= 8 * 60 and < 20 * 60;
                samples.Add(new Sample(state, t.AddSeconds(3), running ? 2 : 1, null, SampleQuality.Good));
                samples.Add(new Sample(parts, t.AddSeconds(3), 1000 + (minute / 10), null, SampleQuality.Good));
            }
        }

        await storage.WriteAsync(samples, events, cycles);
        using var ledger = new LedgerService(storage, config, new LedgerOptions { AgentVersion = "cli-test" });
        await ledger.CloseThroughAsync(First.AddDays(1));
    }

    private string PublicKeyPem()
    {
        var pem = Assert.Single(Directory.GetFiles(Path.Combine(_data, "keys", "public"), "*.pem"));
        return pem;
    }
}
