using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
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
        // A copy with an explicit resolver: the exporter refuses options without one, and the shared options must not be
        // frozen here (they may not have been used to read a file yet).
        var options = new JsonSerializerOptions(ConfigReader.JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var schema = options.GetJsonSchemaAsNode(typeof(AgentConfig), new JsonSchemaExporterOptions
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
