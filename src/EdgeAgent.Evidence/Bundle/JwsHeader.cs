using System.Text.Json;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>Reads the <c>kid</c> of a compact JWS without verifying it (to pick keys and name them in messages).</summary>
internal static class JwsHeader
{
    public static string? KeyId(string compact)
    {
        var dot = compact.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !EvidenceEncoding.TryFromBase64Url(compact.AsSpan(0, dot), out var header))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                ? kid.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
