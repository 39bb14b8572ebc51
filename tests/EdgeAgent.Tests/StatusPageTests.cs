using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeAgent.Tests;

/// <summary>
/// The status page in a real browser (Debian's chromium driven by Playwright; no browser download): the agent is the
/// real executable (<c>edgeagent run</c>) against the simulated plant, which the test can take devices away from.
/// </summary>
[Collection(AgentProcessCollection.Name)]
public sealed class StatusPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    public async Task PageShowsOnlineDevicesChangingValuesAndAnOfflineDeviceWithItsReason()
    {
        using var folder = new TempFolder();
        await using var session = await PageSession.StartAsync(folder);
        var (plant, url, page) = (session.Plant, session.Url, session.Page);
        var wait = new LocatorAssertionsToContainTextOptions { Timeout = 20_000 };

        // Every equipment of the inventory is listed; collected ones come online (在线), the others say 未接入.
        var equipment = plant.Config.Equipment;
        var online = plant.SimulatedEquipment;
        Assert.Contains("cnc-2", online);
        await Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(equipment.Count, new() { Timeout = 20_000 });
        foreach (var id in online)
        {
            await Expect(Row(page, id)).ToContainTextAsync("在线 online", wait);
        }

        foreach (var e in equipment.Where(e => e.Source is null))
        {
            await Expect(Row(page, e.Id)).ToContainTextAsync("未接入 not collected", wait);
        }

        await Expect(page.Locator("#summary")).ToContainTextAsync(
            $"在线 online {online.Count} / 接入 collected {equipment.Count(e => e.Source is not null)} / 全部 all {equipment.Count}", wait);

        // The plant's indicators are listed with their thresholds for the site's industry (C34: Beijing baseline).
        var networked = page.Locator("#indicators tbody tr[data-id='networked-equipment-ratio']");
        await Expect(networked).ToContainTextAsync("生产设备联网率", wait);
        await Expect(networked).ToContainTextAsync("北京市制造业数字化转型达标线 达标 ≥ 18.3%", wait);
        await Expect(page.Locator("#indicators tbody tr[data-id='key-process-cnc-rate']")).ToContainTextAsync("关键工序数控化率", wait);
        await Expect(page.Locator("#indicators tbody tr[data-id='oee']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#indicator-window")).ToContainTextAsync("(90 天 days)", wait);

        // Each machine shows its OEE over the window as the API computes it: a percentage once planned time (the shift
        // calendar: weekdays 07:30-23:00 plant time) has passed with data, else —; one without a source shows —.
        using (var api = new HttpClient { BaseAddress = new Uri(url) })
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            var report = (await api.GetFromJsonAsync<JsonObject>("/api/indicators"))!;
            var oee = report["results"]!.AsArray().Single(r => (string?)r!["id"] == "oee" && (string?)r["subject"] == "cnc-1")!;
            var expected = oee["value"] is null ? "^—$" : @"^\d+\.\d%$";
            await Expect(Row(page, "cnc-1").Locator("td.oee")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(expected), new() { Timeout = 40_000 });
        }

        await Expect(Row(page, "press-1").Locator("td.oee")).ToHaveTextAsync("—");

        // Values move: the page refreshes itself (no reload) and the meter's power reading changes.
        var power = Row(page, "meter-main").Locator("span[data-tag='powerKw']");
        await Expect(power).ToContainTextAsync("powerKw: ", wait);
        var before = await power.InnerTextAsync();
        await Expect(power).Not.ToHaveTextAsync(before, new() { Timeout = 20_000 });

        // A device that drops off the network shows 离线 with the reason the agent gives, and an alert appears.
        await plant.TakeOfflineAsync("mb-cnc2");
        await Expect(Row(page, "cnc-2")).ToContainTextAsync("离线 offline · ", wait);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var cnc2 = (await http.GetFromJsonAsync<JsonArray>("/api/devices"))!.Single(d => (string?)d!["id"] == "cnc-2")!;
        var reason = (string?)cnc2["reason"];
        Assert.False((bool)cnc2["online"]!);
        Assert.False(string.IsNullOrWhiteSpace(reason));
        await Expect(Row(page, "cnc-2")).ToContainTextAsync($"离线 offline · {reason}", wait);
        await Expect(page.Locator("#alerts")).ToContainTextAsync("设备离线 source offline: mb-cnc2", wait);
        await Expect(Row(page, "cnc-1")).ToContainTextAsync("在线 online", wait);

        var screenshot = Path.Combine(folder.Path, "status-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 1000, $"screenshot is {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public async Task OutputValueIsEnteredFromThePageWithTheOperatorToken()
    {
        using var folder = new TempFolder();
        await using var session = await PageSession.StartAsync(folder);
        var (plant, url, page) = (session.Plant, session.Url, session.Page);
        var wait = new LocatorAssertionsToContainTextOptions { Timeout = 20_000 };
        var form = page.Locator("#fact-form");
        var result = page.Locator("#fact-result");

        // A wrong token is refused and nothing is stored.
        await form.Locator("input[name=from]").FillAsync("2026-01-01");
        await form.Locator("input[name=to]").FillAsync("2026-01-31");
        await form.Locator("input[name=valueCny]").FillAsync("1250000");
        await form.Locator("input[name=units]").FillAsync("4000");
        await form.Locator("input[name=note]").FillAsync("ERP 一月");
        await form.Locator("input[name=token]").FillAsync("not-the-operator-token");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(result).ToContainTextAsync("令牌无效 token refused", wait);

        // The right token stores it; the table lists it.
        await form.Locator("input[name=token]").FillAsync(PlantUnderTest.OperatorToken);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(result).ToContainTextAsync("已保存 stored: 2026-01-01 – 2026-01-31, 1250000 CNY", wait);
        await Expect(page.Locator("#facts tbody tr")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(page.Locator("#facts tbody tr")).ToContainTextAsync("ERP 一月", wait);

        // The server's validation reaches the page with the JSON path of the problem.
        await form.Locator("input[name=valueCny]").FillAsync("0");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(result).ToContainTextAsync("$.valueCny: must be a positive number", wait);

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var fact = (await ReadFactsAsync(http)).Single()!;
        Assert.Equal(1250000, (double)fact["valueCny"]!);
        Assert.Equal(4000, (double)fact["units"]!);

        // Deleting from the table (after confirming) removes it.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#facts tbody tr button.fact-delete").ClickAsync();
        await Expect(result).ToContainTextAsync("已删除 deleted: 2026-01-01 – 2026-01-31", wait);
        await Expect(page.Locator("#facts tbody tr")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        Assert.Empty(await ReadFactsAsync(http));
    }

    private static async Task<JsonArray> ReadFactsAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/facts/output?from=2026-01-01&to=2026-01-31");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PlantUnderTest.OperatorToken);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["facts"]!.AsArray();
    }

    /// <summary>The simulated plant, the real agent process (<c>edgeagent run</c>) on it, and Chromium on its status page.</summary>
    private sealed class PageSession : IAsyncDisposable
    {
        private PlantUnderTest? _plant;
        private AgentProcess? _agent;
        private IPlaywright? _playwright;
        private IBrowserContext? _browser;

        public PlantUnderTest Plant => _plant!;

        public string Url { get; private set; } = string.Empty;

        public IPage Page { get; private set; } = null!;

        public static async Task<PageSession> StartAsync(TempFolder folder)
        {
            var session = new PageSession();
            try
            {
                session._plant = await PlantUnderTest.StartAsync(folder);
                session.Url = $"http://127.0.0.1:{FreePort.Next()}";
                session._agent = AgentProcess.Start(["run", "--config", session._plant.ConfigPath, "--urls", session.Url]);
                await session._agent.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(30));
                session._playwright = await Playwright.CreateAsync();
                session._browser = await session._playwright.Chromium.LaunchPersistentContextAsync(
                    Path.Combine(folder.Path, "chromium-profile"),
                    new BrowserTypeLaunchPersistentContextOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
                session.Page = session._browser.Pages.Count > 0 ? session._browser.Pages[0] : await session._browser.NewPageAsync();
                await session.Page.GotoAsync(session.Url + "/");
                return session;
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
            if (_agent is not null)
            {
                await _agent.DisposeAsync();
            }

            if (_plant is not null)
            {
                await _plant.DisposeAsync();
            }
        }
    }

    private static ILocator Row(IPage page, string equipmentId) => page.Locator($"#devices tbody tr[data-id='{equipmentId}']");
}
