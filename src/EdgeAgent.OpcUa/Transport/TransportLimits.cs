namespace EdgeAgent.OpcUa.Transport;

/// <summary>
/// What this client proposes in its Hello message and enforces on what it receives (Part 6 §7.1.2.3).
/// The server may lower the buffer sizes; received chunks, messages and chunk counts beyond these are refused.
/// </summary>
public sealed record TransportLimits
{
    /// <summary>Largest chunk we accept (minimum 8192).</summary>
    public int ReceiveBufferSize { get; init; } = 65535;

    /// <summary>Largest chunk we would like to send (the server may lower it; minimum 8192).</summary>
    public int SendBufferSize { get; init; } = 65535;

    /// <summary>Largest reassembled response we accept.</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most chunks per response we accept.</summary>
    public int MaxChunkCount { get; init; } = 512;
}
