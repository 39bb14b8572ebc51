using EdgeAgent.Web.Tests.Support;

namespace EdgeAgent.Web.Tests;

public sealed class StatusPageAssetTests
{
    [Theory]
    [InlineData("/", "text/html; charset=utf-8", "设备数据采集状态")]
    [InlineData("/status.js", "text/javascript; charset=utf-8", "/api/devices")]
    [InlineData("/status.css", "text/css; charset=utf-8", ".offline")]
    public async Task PageAssetsAreServedFromTheAssembly(string path, string contentType, string expected)
    {
        await using var host = await WebApiHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }
}
