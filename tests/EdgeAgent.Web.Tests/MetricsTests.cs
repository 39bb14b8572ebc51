using System.Text.RegularExpressions;
using EdgeAgent.Web.Tests.Support;

namespace EdgeAgent.Web.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task EveryFamilyHasHelpAndTypeAndEverySourceHasAnOnlineGauge()
    {
        await using var host = await WebApiHost.StartAsync();
        await host.StatusAsync("src-b", WebApiHost.Noon.UtcDateTime, online: true, "connected");
        await host.UntilAsync(() => host.Live.Sources.ContainsKey("src-b"), "src-b in live state");

        using var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var families = Regex.Matches(text, "^# TYPE (\\S+) (counter|gauge)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("edgeagent_source_online", families);
        foreach (var family in families)
        {
            Assert.Matches($"(?m)^# HELP {family} \\S", text);
            Assert.Matches($"(?m)^{family}(\\{{[^}}]*\\}})? [-+0-9.eE]+$", text);
        }

        Assert.Contains("edgeagent_source_online{source=\"src-a\"} 0\n", text);
        Assert.Contains("edgeagent_source_online{source=\"src-b\"} 1\n", text);
        Assert.Matches("(?m)^edgeagent_uptime_seconds 300$", text);
    }
}
