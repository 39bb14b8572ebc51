using System.Net;

namespace EdgeAgent.Modbus;

/// <summary>Where a <see cref="ModbusTcpServer"/> listens.</summary>
public sealed class ModbusTcpServerOptions
{
    /// <summary>Address to bind; loopback by default so a simulator is never reachable from the network by accident.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free port (read it from <see cref="ModbusTcpServer.Port"/> after start).</summary>
    public int Port { get; set; }

    /// <summary>Connections served at once; further ones are closed right after accept.</summary>
    public int MaxConnections { get; set; } = 128;

    /// <summary>
    /// Framing on the stream: standard Modbus TCP, or RTU frames (as a serial-to-Ethernet converter would pass them on).
    /// With RTU framing an unknown function code is answered with IllegalFunction and the connection is closed, because an
    /// RTU frame of unknown type has no length to find its end by.
    /// </summary>
    public ModbusFrameFormat FrameFormat { get; set; } = ModbusFrameFormat.Tcp;

    /// <summary>Delay before each answer, to simulate a slow device (zero by default).</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;
}
