using System.CommandLine;
using EdgeAgent.Cli;

namespace EdgeAgent.Tests.Support;

/// <summary>Runs the real command line in-process with its output captured (the verbs that do not start the host).</summary>
internal static class EdgeAgentCli
{
    public static async Task<CliResult> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await EdgeAgentCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // In-process: the test runner's own Ctrl+C handling must not be taken over.
            ProcessTerminationTimeout = null,
        });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
