namespace EdgeAgent.Evidence.Tests;

/// <summary>What an independent peer program (node, python3, openssl) printed and returned.</summary>
internal sealed record PeerResult(int ExitCode, string StandardOutput, string StandardError);
