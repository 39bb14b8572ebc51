namespace EdgeAgent.Core.Configuration;

/// <summary>One problem in the configuration, located by its JSON path (e.g. <c>$.equipment[2].tags[0].address</c>).</summary>
public sealed record ConfigError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
