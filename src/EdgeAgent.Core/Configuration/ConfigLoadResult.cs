namespace EdgeAgent.Core.Configuration;

/// <summary>The outcome of reading a configuration: the config when it is usable, and every error found.</summary>
public sealed record ConfigLoadResult(AgentConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Config is not null && Errors.Count == 0;
}
