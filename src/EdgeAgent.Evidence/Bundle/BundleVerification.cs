namespace EdgeAgent.Evidence.Bundle;

/// <summary>The outcome of verifying a bundle: the problems (none when it verifies) and informative notes.</summary>
public sealed class BundleVerification
{
    internal BundleVerification(IReadOnlyList<BundleProblem> problems, IReadOnlyList<string> notes, IReadOnlyList<KeyValuePair<string, TimeSpan>> timings)
    {
        Problems = problems;
        Notes = notes;
        Timings = timings;
    }

    /// <summary>True when every check held.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>One entry per problem, in the order found.</summary>
    public IReadOnlyList<BundleProblem> Problems { get; }

    /// <summary>What was checked and facts worth knowing (keys used, days, collection gaps), for the auditor.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Wall time of each phase of the verification, in order (what <c>verify --timings</c> prints).</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Timings { get; }
}
