using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAgent.Core.Configuration;

/// <summary>
/// Reads a secret (token, password) from the configuration file but never writes it back: serializing the
/// configuration (the ledger stores the effective configuration, append-only, and bundles carry it) yields
/// <see cref="Redacted"/> instead, so a publishing secret cannot end up in evidence.
/// </summary>
public sealed class PublishingSecretConverter : JsonConverter<string>
{
    /// <summary>What a secret is written as.</summary>
    public const string Redacted = "***redacted-secret***";

    /// <inheritdoc/>
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("a secret must be a JSON string");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Redacted);
    }
}
