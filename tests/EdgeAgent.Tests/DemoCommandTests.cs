using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

/// <summary>The done-criterion of the demo: the real executable, a browser-free look at everything a user sees.</summary>
[Collection(AgentProcessCollection.Name)]
public sealed class DemoCommandTests
{
    private static readonly TimeSpan Criterion = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DemoServesLiveChangingDevicesWithinTenSecondsAndDeletesItsDataFolderOnSigint()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var clock = Stopwatch.StartNew();
        await using var agent = AgentProcess.Start(["demo", "--urls", url]);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };

        // Within 10 s of starting the process: three devices online, and their values move between two reads.
        var first = await PollAsync(http, d => OnlineCount(d) >= 3, Criterion - clock.Elapsed, agent);
        var second = await PollAsync(http, d => ChangedTags(first, d).Count > 0, Criterion - clock.Elapsed, agent);
        Assert.True(clock.Elapsed < Criterion, $"took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(OnlineCount(second) >= 3);
        Assert.NotEmpty(ChangedTags(first, second));
        foreach (var device in second.Select(d => d!).Where(d => (bool)d["online"]!))
        {
            Assert.NotNull((string?)device["lastSeen"]);
            Assert.NotEmpty(device["values"]!.AsArray());
        }

        // The equipment without a data source is still listed (it counts in the denominators), as not collected.
        Assert.Contains(second, d => d!["source"] is null && !(bool)d["collected"]! && !(bool)d["online"]!);

        var status = (await http.GetFromJsonAsync<JsonObject>("/api/status"))!;
        Assert.False(string.IsNullOrWhiteSpace((string?)status["version"]));
        Assert.Equal("demo", (string?)status["mode"]);
        Assert.True((double)status["uptimeSeconds"]! > 0);
        Assert.True((long)status["storage"]!["bytes"]! > 0);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)status["storage"]!["oldestDay"]);
        Assert.Equal(0, (int)status["outbox"]!["depth"]!);

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());

        using var metricsResponse = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal("text/plain", metricsResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", metricsResponse.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "version").Value);
        var metrics = PrometheusText.Parse(await metricsResponse.Content.ReadAsStringAsync());
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.SampleConfig))!;
        foreach (var source in sample["sources"]!.AsArray())
        {
            Assert.Contains($"edgeagent_source_online{{source=\"{source!["id"]}\"}}", metrics.Keys);
        }

        Assert.True(metrics.Where(m => m.Key.StartsWith("edgeagent_source_online{", StringComparison.Ordinal)).Sum(m => m.Value) >= 3);
        Assert.True(metrics["edgeagent_samples_received_total"] > 0);

        // A graceful stop (Ctrl+C) removes the throw-away data folder.
        var dataFolder = (await agent.WaitForOutputAsync(@"^Data folder \(deleted at exit\): (?<path>.+)$", TimeSpan.FromSeconds(5))).Groups["path"].Value.Trim();
        Assert.True(File.Exists(Path.Combine(dataFolder, "edgeagent.db")), $"no database in {dataFolder}");
        agent.Signal(PosixSignal.Interrupt);
        await agent.ExpectExitAsync(0, TimeSpan.FromSeconds(30));
        Assert.False(Directory.Exists(dataFolder), $"{dataFolder} survived a graceful stop");
    }

    [Fact]
    public async Task DemoKeepsTheDataFolderNamedWithDataAndStopsOnSigterm()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "kept");
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        await using var agent = AgentProcess.Start(["demo", "--urls", url, "--data", data]);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        await PollAsync(http, d => OnlineCount(d) >= 1, TimeSpan.FromSeconds(20), agent);

        agent.Signal(PosixSignal.Terminate);

        await agent.ExpectExitAsync(0, TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(data, "edgeagent.db")));
    }

    private static int OnlineCount(JsonArray devices) => devices.Count(d => (bool)d!["online"]!);

    /// <summary>"device/tag" of every good value of an online device that differs between two reads.</summary>
    private static List<string> ChangedTags(JsonArray before, JsonArray after)
    {
        static Dictionary<string, string> Values(JsonArray devices) => devices
            .Where(d => (bool)d!["online"]!)
            .SelectMany(d => d!["values"]!.AsArray().Where(v => (string?)v!["quality"] == "good")
                .Select(v => (Key: $"{d["id"]}/{v!["tag"]}", Value: (v["value"] ?? v["text"])?.ToJsonString() ?? "null")))
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        var old = Values(before);
        return Values(after).Where(v => old.TryGetValue(v.Key, out var o) && o != v.Value).Select(v => v.Key).ToList();
    }

    private static async Task<JsonArray> PollAsync(HttpClient http, Func<JsonArray, bool> done, TimeSpan within, AgentProcess agent)
    {
        var deadline = DateTime.UtcNow + within;
        JsonArray? last = null;
        string? error = null;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(agent.HasExited, $"edgeagent exited:\n{agent.Output}");
            try
            {
                last = (await http.GetFromJsonAsync<JsonArray>("/api/devices"))!;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex.Message; // not listening yet, or busy starting
            }

            await Task.Delay(250);
        }

        Assert.Fail($"not reached in time; last /api/devices: {last?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? error}\n{agent.Output}");
        return last!;
    }
}
