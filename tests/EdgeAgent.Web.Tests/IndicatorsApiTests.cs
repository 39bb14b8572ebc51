using System.Net;
using System.Text.Json;
using EdgeAgent.Core.Indicators;
using EdgeAgent.Storage;
using EdgeAgent.Web.Tests.Support;

namespace EdgeAgent.Web.Tests;

public class IndicatorsApiTests
{
    [Fact]
    public async Task IndicatorsApiServesTheSameReportAsTheIndicatorQueryBehindTheCli()
    {
        await using var host = await WebApiHost.StartAsync();
        // Two plant-local days of collection for src-a: 2026-03-08 fully good, 2026-03-09 half good.
        var day1 = new DateTime(2026, 3, 7, 16, 0, 0, DateTimeKind.Utc);
        var cycles = new List<CycleCount>();
        for (var m = 0; m < 2 * 1440; m++)
        {
            cycles.Add(new CycleCount("src-a", day1.AddMinutes(m), 60, m < 1440 || m % 2 == 0 ? 60 : 0));
        }

        await host.Storage.WriteAsync(
            [new EdgeAgent.Core.Model.Sample(new("cnc-a", "state"), day1, 2, null, EdgeAgent.Core.Model.SampleQuality.Good)],
            [new EdgeAgent.Core.Model.StatusEvent("src-a", day1, true, "connected")],
            cycles);

        var response = await host.Client.GetAsync("/api/indicators?from=2026-03-08&to=2026-03-09");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.Content.ReadAsStringAsync();

        var expected = (await new IndicatorQuery(host.Storage, host.Config).ComputeAsync(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9))).ToJson();
        Assert.Equal(Normalize(expected), Normalize(served));

        using var document = JsonDocument.Parse(served);
        var networked = document.RootElement.GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("id").GetString() == "networked-equipment-ratio" && r.GetProperty("subject").ValueKind == JsonValueKind.Null);
        // 2 production equipment collected + 1 without source = 3 in the denominator; cnc-a is networked on day 1 only
        // (day 2 availability 0.5 < 0.9), so 1 of 2 days < 0.9 share: not networked over the window.
        Assert.Equal(3, networked.GetProperty("denominator").GetDouble());
        Assert.True(document.RootElement.GetProperty("short").GetBoolean());
    }

    [Fact]
    public async Task MalformedDatesAreRefusedWithTheirParameterName()
    {
        await using var host = await WebApiHost.StartAsync();
        var response = await host.Client.GetAsync("/api/indicators?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/indicators?from=2026-03-09&to=2026-03-08")).StatusCode);
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
