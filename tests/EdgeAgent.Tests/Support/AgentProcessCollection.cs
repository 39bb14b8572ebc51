namespace EdgeAgent.Tests.Support;

/// <summary>
/// Tests that start the agent as a process (and a browser) run one after another: the build machines have two cores,
/// and the 10 s done-criterion of the demo must measure the agent, not a crowded CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AgentProcessCollection
{
    public const string Name = "agent processes";
}
