using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Cli;

/// <summary>
/// <c>edgeagent schema</c>: prints the JSON schema of the configuration, generated from the configuration classes so it
/// cannot drift from them (config/edgeagent.schema.json is this output; a test keeps them equal).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON schema of the configuration file");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(Generate());
            return 0;
        });
        return command;
    }

    public static string Generate()
    {
        var schema = ConfigReader.JsonOptions.GetJsonSchemaAsNode(typeof(AgentConfig), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
        });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://edgeagent.local/schema/edgeagent.schema.json",
            ["title"] = "EdgeAgent plant configuration",
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(key);
            root[key] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
