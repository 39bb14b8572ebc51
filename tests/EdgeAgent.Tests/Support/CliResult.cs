namespace EdgeAgent.Tests.Support;

/// <summary>What one invocation of the command line produced.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);
