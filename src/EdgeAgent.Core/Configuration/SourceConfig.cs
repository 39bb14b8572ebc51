namespace EdgeAgent.Core.Configuration;

/// <summary>A data source: one connection to one device (Modbus TCP server or OPC UA endpoint).</summary>
public sealed class SourceConfig
{
    public string Id { get; set; } = "";
    public SourceProtocol Protocol { get; set; } = SourceProtocol.ModbusTcp;

    /// <summary>Modbus TCP: host name or address.</summary>
    public string Host { get; set; } = "";

    /// <summary>Modbus TCP: port (default 502).</summary>
    public int Port { get; set; } = 502;

    /// <summary>Modbus TCP: unit identifier (1..247, or 255 for a direct TCP device).</summary>
    public int UnitId { get; set; } = 1;

    public int PollIntervalMs { get; set; } = 1000;
    public int RequestTimeoutMs { get; set; } = 1000;

    /// <summary>Modbus: largest hole (in addresses) that may be read through to merge two tags into one request.</summary>
    public int MaxGap { get; set; } = 10;

    /// <summary>Modbus: registers per request (≤ 125; some devices accept less).</summary>
    public int MaxRegistersPerRequest { get; set; } = 125;

    /// <summary>Modbus: bits per request (≤ 2000).</summary>
    public int MaxBitsPerRequest { get; set; } = 2000;

    /// <summary>OPC UA: endpoint URL (opc.tcp://host:port/path).</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>OPC UA: security policy name (None, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss).</summary>
    public string SecurityPolicy { get; set; } = "None";

    /// <summary>OPC UA: None, Sign or SignAndEncrypt.</summary>
    public string SecurityMode { get; set; } = "None";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>OPC UA: use Read polling instead of subscriptions.</summary>
    public bool Polling { get; set; }

    /// <summary>OPC UA: trust the server certificate the first time it is seen.</summary>
    public bool TrustOnFirstUse { get; set; }
}
