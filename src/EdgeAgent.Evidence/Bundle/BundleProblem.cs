namespace EdgeAgent.Evidence.Bundle;

/// <summary>One thing wrong with a bundle; <see cref="ToString"/> is the one line <c>edgeagent verify</c> prints.</summary>
/// <param name="Kind">What kind of problem (stable, for scripts and tests).</param>
/// <param name="Day">The day concerned, when there is one (YYYY-MM-DD).</param>
/// <param name="Message">A sentence for the auditor.</param>
public sealed record BundleProblem(BundleProblemKind Kind, string? Day, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
