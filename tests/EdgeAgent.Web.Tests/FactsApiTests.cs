using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;
using EdgeAgent.Web.Tests.Support;

namespace EdgeAgent.Web.Tests;

/// <summary>PUT/GET /api/facts/output: output value entered per period by the plant's staff, behind operator tokens.</summary>
public class FactsApiTests
{
    private const string OperatorToken = "operator-token-0123456789";
    private const string EvidenceToken = "evidence-token-0123456789";

    private static AgentConfig Plant(IndicatorsOutputSource source = IndicatorsOutputSource.Facts)
    {
        var config = TestPlant.Create();
        config.Web.OperatorTokens.Add(OperatorToken);
        config.Web.EvidenceTokens.Add(EvidenceToken);
        config.Indicators.Output.Source = source;
        return config;
    }

    [Fact]
    public async Task RefusesRequestsWithoutAnOperatorTokenAndTheEvidenceTokenIsNotOne()
    {
        await using var host = await WebApiHost.StartAsync(Plant());

        using var none = await host.Client.GetAsync("/api/facts/output?from=2026-03-01&to=2026-03-31");
        using var evidence = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 1000 }""", EvidenceToken);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer realm=\"edgeagent-operator\"", none.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, evidence.StatusCode);
        Assert.Contains("invalid_token", evidence.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Storage.ReadFacts(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public async Task NoOperatorTokensConfiguredMeansTheApiIsClosed()
    {
        var config = Plant();
        config.Web.OperatorTokens.Clear();
        await using var host = await WebApiHost.StartAsync(config);

        using var response = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 1000 }""", OperatorToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no tokens in $.web.operatorTokens", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnteredOutputIsListedReplacedAndUsedByTheEnergyIndicator()
    {
        await using var host = await WebApiHost.StartAsync(Plant());

        using var first = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 1200000, "units": 5000, "note": "ERP" }""", OperatorToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stored = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(1200000, (double)stored["fact"]!["valueCny"]!);
        Assert.Equal(5000, (double)stored["fact"]!["units"]!);
        Assert.True((bool)stored["usedByIndicators"]!);
        Assert.Empty(stored["corrections"]!.AsArray());

        // The same period again replaces it; without units the units entered before go too.
        using var second = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 1300000, "note": "statistics report" }""", OperatorToken);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var list = await Get(host, "/api/facts/output?from=2026-03-10&to=2026-03-10");
        var facts = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["facts"]!.AsArray();
        var fact = Assert.Single(facts)!;
        Assert.Equal("2026-03-01", (string)fact["from"]!);
        Assert.Equal("2026-03-31", (string)fact["to"]!);
        Assert.Equal(1300000, (double)fact["valueCny"]!);
        Assert.Null(fact["units"]);
        Assert.Equal("statistics report", (string)fact["note"]!);

        // /api/indicators prorates the month's output to the window: 2 of 31 days of 1,300,000 CNY.
        using var indicators = await host.Client.GetAsync("/api/indicators?from=2026-03-08&to=2026-03-09");
        var report = JsonNode.Parse(await indicators.Content.ReadAsStringAsync())!;
        var energy = report["results"]!.AsArray().First(r => (string)r!["id"]! == "energy-per-output-value" && r["subject"] is null)!;
        Assert.Equal(1_300_000.0 * 2 / 31 / 10_000, (double)energy["denominator"]!, 6);
    }

    [Fact]
    public async Task BadInputIsRefusedWithEveryProblemAndItsJsonPath()
    {
        await using var host = await WebApiHost.StartAsync(Plant());

        using var response = await Put(host, """{ "from": "2026-03-31", "to": "2026-03-01", "valueCny": "1000", "units": -1, "value": 5 }""", OperatorToken);
        using var notJson = await Put(host, "valueCny=1000", OperatorToken);
        using var zero = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 0 }""", OperatorToken);
        using var tooLong = await Put(host, """{ "from": "2025-01-01", "to": "2026-03-31", "valueCny": 10 }""", OperatorToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("$.value: unknown field", body, StringComparison.Ordinal);
        Assert.Contains("$.valueCny: must be a number (not a string)", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("$: not JSON", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("$.valueCny: must be a positive number", await zero.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("$.to: a period covers at most 366 days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Storage.ReadFacts(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)));

        // Semantic checks run once the body parses: the reversed period and negative units are reported together.
        using var reversed = await Put(host, """{ "from": "2026-03-31", "to": "2026-03-01", "valueCny": 1000, "units": -1 }""", OperatorToken);
        var problems = JsonNode.Parse(await reversed.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("$.to: the last day comes before the first day", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("$.units: must be zero or a positive number", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputEnteredForAClosedDayAppendsASignedCorrectionOnce()
    {
        await using var host = await WebApiHost.StartAsync(Plant());
        var day = ClosedDay;
        var closed = await CloseOneDayAsync(host);

        using var response = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 3100000 }""", OperatorToken);
        using var again = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 3100000 }""", OperatorToken);

        var correction = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["corrections"]!.AsArray())!;
        Assert.Equal("2026-03-08", (string)correction["day"]!);
        Assert.Equal(closed.Seq, (long)correction["supersedesSeq"]!);
        Assert.Empty(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["corrections"]!.AsArray());

        var records = host.Ledger.GetRecords(day, day);
        Assert.Equal(2, records.Count);
        var signed = JsonNode.Parse(records[^1].RecordJson)!;
        Assert.Equal("correction", (string)signed["kind"]!);
        Assert.Equal(3100000, (double)signed["outputFacts"]![0]!["valueCny"]!);
        Assert.Empty(JsonNode.Parse(records[0].RecordJson)!["outputFacts"]!.AsArray());
    }

    [Fact]
    public async Task WithCountersAsTheOutputSourceTheFactIsStoredAndTheAnswerSaysItIsNotUsed()
    {
        await using var host = await WebApiHost.StartAsync(Plant(IndicatorsOutputSource.Counters));

        using var response = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 1000 }""", OperatorToken);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["usedByIndicators"]!);
        Assert.Contains("$.indicators.output.source is counters", (string)body["note"]!, StringComparison.Ordinal);
        Assert.Single(host.Storage.ReadFacts(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public async Task AnOverlappingPeriodIsRefusedAndAWrongEntryCanBeDeleted()
    {
        await using var host = await WebApiHost.StartAsync(Plant());
        var day = ClosedDay;
        await CloseOneDayAsync(host);

        // A mistyped period (March 1-30) is stored; the real month would then count March 1-30 twice: refused.
        using var wrong = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-30", "valueCny": 3000000 }""", OperatorToken);
        using var month = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 3100000 }""", OperatorToken);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
        Assert.Contains("$.from: the period overlaps 2026-03-01 .. 2026-03-30 entered before", await month.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Deleting exactly that period removes it, with a correction for the closed day it covered; then the month goes in.
        using var missing = await Send(host, HttpMethod.Delete, "/api/facts/output?from=2026-03-01&to=2026-03-29");
        using var deleted = await Send(host, HttpMethod.Delete, "/api/facts/output?from=2026-03-01&to=2026-03-30");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var correction = Assert.Single(JsonNode.Parse(await deleted.Content.ReadAsStringAsync())!["corrections"]!.AsArray())!;
        Assert.Equal("2026-03-08", (string)correction["day"]!);
        Assert.Empty(JsonNode.Parse(host.Ledger.GetRecords(day, day)[^1].RecordJson)!["outputFacts"]!.AsArray());
        using var again = await Put(host, """{ "from": "2026-03-01", "to": "2026-03-31", "valueCny": 3100000 }""", OperatorToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // final, then one correction each: the wrong period, its deletion, the month.
        Assert.Equal(["final", "correction", "correction", "correction"], host.Ledger.GetRecords(day, day).Select(r => r.Kind));

        using var anonymous = await host.Client.DeleteAsync("/api/facts/output?from=2026-03-01&to=2026-03-31");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>2026-03-08, plant time: one minute of collection, closed into the ledger.</summary>
    private static readonly DateOnly ClosedDay = new(2026, 3, 8);

    private static async Task<Evidence.Ledger.LedgerEntry> CloseOneDayAsync(WebApiHost host)
    {
        var start = new DateTime(2026, 3, 7, 16, 0, 0, DateTimeKind.Utc);
        await host.Storage.WriteAsync(
            [new Sample(new("cnc-a", "spindleSpeed"), start.AddMinutes(5), 1200, null, SampleQuality.Good)],
            [new StatusEvent("src-a", start, true, "connected")],
            [new CycleCount("src-a", start, 60, 60)]);
        return Assert.Single(await host.Ledger.CloseThroughAsync(ClosedDay));
    }

    private static Task<HttpResponseMessage> Send(WebApiHost host, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Put(WebApiHost host, string json, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/facts/output") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Get(WebApiHost host, string path) => Send(host, HttpMethod.Get, path);
}
