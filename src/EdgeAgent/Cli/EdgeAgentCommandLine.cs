using System.CommandLine;

namespace EdgeAgent.Cli;

/// <summary>The verbs of <c>edgeagent</c> (see docs/cli.md).</summary>
internal static class EdgeAgentCommandLine
{
    public static RootCommand Build() => new("EdgeAgent: industrial edge data collection, indicators and evidence")
    {
        RunCommand.Create(),
        DemoCommand.Create(),
        SimulateCommand.Create(),
        IndicatorsCommand.Create(),
        CheckConfigCommand.Create(),
        SchemaCommand.Create(),
        KeysCommand.Create(),
        ExportCommand.Create(),
        VerifyCommand.Create(),
        OpcUaCommand.Create(),
        OutboxCommand.Create(),
        FactsCommand.Create(),
    };
}
