using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task RefusesAnInvalidConfigWithTheSameMessagesAsCheckConfig()
    {
        var broken = BrokenConfig.WriteThreeMistakes(_folder);
        var data = Path.Combine(_folder.Path, "data");

        var check = await EdgeAgentCli.InvokeAsync("check-config", "--config", broken);
        var run = await EdgeAgentCli.InvokeAsync("run", "--config", broken, "--data", data, "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(check.Error, run.Error, StringComparison.Ordinal);
        Assert.Contains("refusing to start on an invalid configuration", run.Error);
        Assert.False(Directory.Exists(data), "run must not create a data folder for a config it refuses");
    }

    [Fact]
    public async Task RefusesAMissingConfigFile()
    {
        var missing = _folder.File("nowhere.json");

        var result = await EdgeAgentCli.InvokeAsync("run", "--config", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"config file not found: {missing}", result.Error);
        Assert.Contains("refusing to start", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
