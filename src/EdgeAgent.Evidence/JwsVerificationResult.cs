namespace EdgeAgent.Evidence;

/// <summary>Outcome of <see cref="JwsVerifier"/>: the payload when valid, otherwise a precise error.</summary>
public sealed class JwsVerificationResult
{
    private JwsVerificationResult(JwsError error, string message, string? keyId, string? type, byte[]? payload)
    {
        Error = error;
        Message = message;
        KeyId = keyId;
        Type = type;
        Payload = payload;
    }

    /// <summary>True when the signature verified.</summary>
    public bool IsValid => Error == JwsError.None;

    /// <summary>What went wrong, or <see cref="JwsError.None"/>.</summary>
    public JwsError Error { get; }

    /// <summary>One line for a person: "verified" or the reason.</summary>
    public string Message { get; }

    /// <summary>The header's <c>kid</c>, when the header could be read.</summary>
    public string? KeyId { get; }

    /// <summary>The header's <c>typ</c>, when present.</summary>
    public string? Type { get; }

    /// <summary>The verified payload (the detached one for detached JWS); null unless valid.</summary>
    public byte[]? Payload { get; }

    internal static JwsVerificationResult Valid(string? keyId, string? type, byte[] payload)
        => new(JwsError.None, "verified", keyId, type, payload);

    internal static JwsVerificationResult Fail(JwsError error, string message, string? keyId = null, string? type = null)
        => new(error, message, keyId, type, null);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"valid (kid {KeyId})" : $"{Error}: {Message}";
}
