using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Simulator.OpcUa;

/// <summary>Simulates every opc-ua source with a <see cref="SimulatedOpcUaDevice"/>.</summary>
public sealed class OpcUaDeviceFactory : ISimulatedDeviceFactory
{
    /// <inheritdoc/>
    public bool CanSimulate(SourceConfig source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Protocol == SourceProtocol.OpcUa;
    }

    /// <inheritdoc/>
    public ISimulatedDevice Create(SourceConfig source, IReadOnlyList<EquipmentConfig> equipment, ILoggerFactory loggers) =>
        new SimulatedOpcUaDevice(source, equipment, loggers);
}
