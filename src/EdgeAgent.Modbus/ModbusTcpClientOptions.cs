namespace EdgeAgent.Modbus;

/// <summary>Where a <see cref="ModbusTcpClient"/> connects and how long it waits.</summary>
public sealed class ModbusTcpClientOptions
{
    /// <summary>Host name or IP address of the Modbus TCP server.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 502 is the registered Modbus port.</summary>
    public int Port { get; set; } = 502;

    /// <summary>Unit id put in every request (1 by default; 255 or 0 for some devices that ignore it).</summary>
    public byte UnitId { get; set; } = 1;

    /// <summary>Framing on the stream: standard Modbus TCP (MBAP), or RTU frames for serial converters.</summary>
    public ModbusFrameFormat FrameFormat { get; set; } = ModbusFrameFormat.Tcp;

    /// <summary>How long establishing the TCP connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one request may take from sending to the complete answer.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
