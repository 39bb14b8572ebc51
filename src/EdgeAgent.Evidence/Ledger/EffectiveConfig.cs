using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>
/// The configuration in force, as evidence: serialized with the config file's own JSON options, secrets replaced by
/// <see cref="Redacted"/>, fingerprinted as the SHA-256 of its RFC 8785 form. The fingerprint in a daily record lets an
/// auditor tie the record to the exact rules (inventory, thresholds, networked-day share…) it was computed with.
/// </summary>
public static class EffectiveConfig
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Redacted = "***redacted-secret***";

    /// <summary>The redacted configuration as a JSON tree.</summary>
    public static JsonObject ToJson(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var node = JsonSerializer.SerializeToNode(config, ConfigReader.JsonOptions)?.AsObject()
            ?? throw new InvalidOperationException("the configuration serialized to null");
        if (node["sources"] is JsonArray sources)
        {
            foreach (var source in sources.OfType<JsonObject>())
            {
                if (source["password"] is not null)
                {
                    source["password"] = Redacted;
                }
            }
        }

        if (node["web"] is JsonObject web)
        {
            foreach (var name in (string[])["evidenceTokens", "operatorTokens"])
            {
                if (web[name] is JsonArray tokens && tokens.Count > 0)
                {
                    web[name] = new JsonArray(tokens.Select(_ => (JsonNode?)JsonValue.Create(Redacted)).ToArray());
                }
            }
        }

        return node;
    }

    /// <summary>The redacted configuration in RFC 8785 form (what the fingerprint is taken over).</summary>
    public static byte[] CanonicalBytes(AgentConfig config) => CanonicalJson.Serialize(ToJson(config));

    /// <summary>Hex SHA-256 of <see cref="CanonicalBytes"/>.</summary>
    public static string Fingerprint(AgentConfig config) => EvidenceHash.Sha256Hex(CanonicalBytes(config));
}
