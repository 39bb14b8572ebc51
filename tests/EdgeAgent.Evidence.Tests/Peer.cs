using System.Diagnostics;

namespace EdgeAgent.Evidence.Tests;

/// <summary>
/// Runs the independent implementations the interoperability tests compare against: Node's crypto and
/// V8 (<c>node</c>), Python's hashlib (<c>python3</c>) and <c>openssl</c>, all Debian packages.
/// </summary>
internal static class Peer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Full path of a script from tests/peers/evidence (copied next to the test assembly).</summary>
    public static string Script(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "peers", "evidence", name);
        Assert.True(File.Exists(path), $"peer script {path} is missing from the test output");
        return path;
    }

    public static PeerResult Run(string program, IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {Timeout}");
        }

        process.WaitForExit();
        return new PeerResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and requires exit code 0, returning stdout.</summary>
    public static string RunOk(string program, IEnumerable<string> arguments, string? standardInput = null)
    {
        PeerResult result = Run(program, arguments, standardInput);
        Assert.True(result.ExitCode == 0, $"{program} exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        return result.StandardOutput;
    }
}
