using EdgeAgent.Tests.Support;

namespace EdgeAgent.Tests;

public sealed class CheckConfigCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task SampleConfigIsValidAndExitsZero()
    {
        var result = await EdgeAgentCli.InvokeAsync("check-config", "--config", RepoPaths.SampleConfig);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": OK (", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task BrokenCopyExitsOneAndNamesEveryErrorWithItsJsonPath()
    {
        var broken = BrokenConfig.WriteThreeMistakes(_folder);

        var result = await EdgeAgentCli.InvokeAsync("check-config", "--config", broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{broken}: 3 configuration error(s):", result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var path in BrokenConfig.ExpectedPaths)
        {
            Assert.Single(lines, l => l.StartsWith(path + ": ", StringComparison.Ordinal));
        }

        Assert.Contains("$.sources[0].port: ", result.Error);
        Assert.Contains("70000", result.Error);
        Assert.Contains("weldng", result.Error);
        Assert.Contains("Mars/Olympus_Mons", result.Error);
        Assert.DoesNotContain("OK", result.Output);
    }

    [Fact]
    public async Task MisspeltMemberIsAnErrorAtItsPath()
    {
        var typo = BrokenConfig.WriteTypo(_folder);

        var result = await EdgeAgentCli.InvokeAsync("check-config", "--config", typo);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.sources[2].pollIntervallMs: ", result.Error);
    }

    [Fact]
    public async Task MissingFileExitsOneWithAClearMessage()
    {
        var missing = _folder.File("does-not-exist.json");

        var result = await EdgeAgentCli.InvokeAsync("check-config", "--config", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"config file not found: {missing}", result.Error);
    }

    [Fact]
    public async Task ExecutableReportsTheSameErrorsOnStderr()
    {
        var broken = BrokenConfig.WriteThreeMistakes(_folder);
        await using var agent = AgentProcess.Start(["check-config", "--config", broken]);

        var exitCode = await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        foreach (var path in BrokenConfig.ExpectedPaths)
        {
            Assert.Contains(path + ": ", agent.Output);
        }
    }

    public void Dispose() => _folder.Dispose();
}
