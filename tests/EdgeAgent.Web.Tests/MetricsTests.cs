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
        }

        // Every sample belongs to a family announced before it (a family may have no samples, e.g. no outbox channel).
        foreach (var line in text.TrimEnd('\n').Split('\n').Where(l => !l.StartsWith('#')))
        {
            Assert.Matches("^[a-z_]+(\\{[a-z_]+=\"[^\"]*\"\\})? [-+0-9.eE]+$", line);
            Assert.Contains(Regex.Match(line, "^[a-z_]+").Value, families);
        }

        Assert.Contains("edgeagent_source_online{source=\"src-a\"} 0\n", text);
        Assert.Contains("edgeagent_source_online{source=\"src-b\"} 1\n", text);
        Assert.Matches("(?m)^edgeagent_uptime_seconds 300$", text);
    }
}
