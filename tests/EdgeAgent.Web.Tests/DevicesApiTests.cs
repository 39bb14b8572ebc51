using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Model;
using EdgeAgent.Storage;
using EdgeAgent.Web.Tests.Support;

namespace EdgeAgent.Web.Tests;

public sealed class DevicesApiTests
{
    private static readonly DateTime Now = WebApiHost.Noon.UtcDateTime;

    [Fact]
    public async Task ListsEveryEquipmentWithTheFieldsOfTheContract()
    {
        await using var host = await WebApiHost.StartAsync();
        await host.StatusAsync("src-a", Now.AddSeconds(-3), online: true, "connected");
        await host.CycleAsync("src-a", Now.AddSeconds(-2), good: true,
            new Sample(new TagKey("cnc-a", "spindleSpeed"), Now.AddSeconds(-2), 8000, null, SampleQuality.Good),
            new Sample(new TagKey("cnc-a", "program"), Now.AddSeconds(-2), double.NaN, "O100", SampleQuality.Good));
        await host.UntilAsync(() => host.Live.Sources.ContainsKey("src-a"), "src-a in live state");

        var devices = (await host.Client.GetFromJsonAsync<JsonArray>("/api/devices"))!;

        Assert.Equal(["cnc-a", "robot-b", "press-c"], devices.Select(d => (string)d!["id"]!));
        var cnc = devices[0]!;
        Assert.Equal("加工中心 A", (string?)cnc["name"]);
        Assert.Equal("cnc", (string?)cnc["type"]);
        Assert.Equal("machining", (string?)cnc["process"]);
        Assert.Equal("src-a", (string?)cnc["source"]);
        Assert.True((bool)cnc["collected"]!);
        Assert.True((bool)cnc["online"]!);
        Assert.Equal("connected", (string?)cnc["reason"]);
        Assert.Equal(Now.AddSeconds(-2), (DateTime)cnc["lastSeen"]!);
        var values = cnc["values"]!.AsArray();
        Assert.Equal(8000, (double)values.Single(v => (string?)v!["tag"] == "spindleSpeed")!["value"]!);
        Assert.Equal("rpm", (string?)values.Single(v => (string?)v!["tag"] == "spindleSpeed")!["unit"]);
        Assert.Equal("O100", (string?)values.Single(v => (string?)v!["tag"] == "program")!["text"]);
        Assert.Null(values.Single(v => (string?)v!["tag"] == "program")!["value"]);
        Assert.All(values, v => Assert.Equal("good", (string?)v!["quality"]));
        foreach (var field in new[] { "networkedToday", "availabilityToday", "networkedWindow" })
        {
            Assert.True(cnc.AsObject().ContainsKey(field), $"{field} missing (null is a value, absence is a broken contract)");
        }

        // Collected but never heard from yet: offline, with a reason, not networked-unknown.
        var robot = devices[1]!;
        Assert.Equal("robot", (string?)robot["type"]);
        Assert.True((bool)robot["collected"]!);
        Assert.False((bool)robot["online"]!);
        Assert.Equal("not polled yet", (string?)robot["reason"]);
        Assert.Null(robot["lastSeen"]);
        Assert.Empty(robot["values"]!.AsArray());
    }

    [Fact]
    public async Task EquipmentWithoutASourceIsListedAsNotCollected()
    {
        await using var host = await WebApiHost.StartAsync();

        var press = (await host.Client.GetFromJsonAsync<JsonArray>("/api/devices"))!.Single(d => (string?)d!["id"] == "press-c")!;

        Assert.Null(press["source"]);
        Assert.False((bool)press["collected"]!);
        Assert.False((bool)press["online"]!);
        Assert.Equal("no source", (string?)press["reason"]);
        Assert.False((bool)press["networkedToday"]!);
        Assert.Null(press["availabilityToday"]);
        Assert.Equal("other", (string?)press["type"]);
    }

    [Fact]
    public async Task AvailabilityTodayIsComputedFromStoredCyclesOfThePlantLocalDay()
    {
        await using var host = await WebApiHost.StartAsync();
        var localMidnightUtc = new DateTime(2026, 3, 9, 16, 0, 0, DateTimeKind.Utc);
        await host.Storage.WriteAsync([], [],
        [
            // Yesterday (plant time) does not count, however bad it was.
            new CycleCount("src-a", localMidnightUtc.AddMinutes(-1), 60, 0),
            new CycleCount("src-a", localMidnightUtc, 60, 60),
            new CycleCount("src-a", localMidnightUtc.AddHours(3), 60, 54),
            new CycleCount("src-a", Now.AddMinutes(-1), 60, 60),
            new CycleCount("src-b", localMidnightUtc.AddHours(1), 60, 30),
            new CycleCount("src-b", Now.AddMinutes(-2), 60, 30),
        ]);

        var devices = (await host.Client.GetFromJsonAsync<JsonArray>("/api/devices"))!;
        var cnc = devices.Single(d => (string?)d!["id"] == "cnc-a")!;
        var robot = devices.Single(d => (string?)d!["id"] == "robot-b")!;

        Assert.Equal(174.0 / 180, (double)cnc["availabilityToday"]!, 9);
        Assert.True((bool)cnc["networkedToday"]!); // 96.7 % ≥ indicators.networkedDayAvailability 90 %
        Assert.Equal(0.5, (double)robot["availabilityToday"]!, 9);
        Assert.False((bool)robot["networkedToday"]!);
    }

    [Fact]
    public async Task CyclesRecordedThroughIngestCountTowardsToday()
    {
        await using var host = await WebApiHost.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await host.CycleAsync("src-b", Now.AddSeconds(-30 + i), good: i != 3,
                new Sample(new TagKey("robot-b", "cycles"), Now.AddSeconds(-30 + i), 100 + i, null, SampleQuality.Good));
        }

        await host.UntilAsync(() => host.Storage.ReadCycles(Now.AddHours(-1), Now).Sum(c => c.Attempts) == 10, "10 cycles stored");

        var robot = (await host.Client.GetFromJsonAsync<JsonArray>("/api/devices"))!.Single(d => (string?)d!["id"] == "robot-b")!;

        Assert.Equal(0.9, (double)robot["availabilityToday"]!, 9);
        Assert.True((bool)robot["networkedToday"]!);
        Assert.Equal(109, (double)robot["values"]![0]!["value"]!);
    }

    [Fact]
    public async Task OfflineSourceShowsItsReasonAndKeepsItsLastSeenTime()
    {
        await using var host = await WebApiHost.StartAsync();
        await host.StatusAsync("src-a", Now.AddSeconds(-20), online: true, "connected");
        await host.CycleAsync("src-a", Now.AddSeconds(-19), good: true,
            new Sample(new TagKey("cnc-a", "spindleSpeed"), Now.AddSeconds(-19), 1200, null, SampleQuality.Good));
        await host.CycleAsync("src-a", Now.AddSeconds(-18), good: false,
            new Sample(new TagKey("cnc-a", "spindleSpeed"), Now.AddSeconds(-18), double.NaN, null, SampleQuality.NoCommunication, "timeout"));
        await host.StatusAsync("src-a", Now.AddSeconds(-18), online: false, "timeout");
        await host.UntilAsync(() => host.Live.Sources.TryGetValue("src-a", out var s) && !s.Online, "src-a offline");

        var cnc = (await host.Client.GetFromJsonAsync<JsonArray>("/api/devices"))!.Single(d => (string?)d!["id"] == "cnc-a")!;

        Assert.False((bool)cnc["online"]!);
        Assert.Equal("timeout", (string?)cnc["reason"]);
        Assert.Equal(Now.AddSeconds(-19), (DateTime)cnc["lastSeen"]!);
        var speed = cnc["values"]![0]!;
        Assert.Equal("no-communication", (string?)speed["quality"]);
        Assert.Null(speed["value"]);
        Assert.Equal("timeout", (string?)speed["status"]);
    }
}
