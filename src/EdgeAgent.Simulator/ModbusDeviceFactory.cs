using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Simulator;

/// <summary>Simulates every modbus-tcp source with a <see cref="SimulatedModbusDevice"/>.</summary>
public sealed class ModbusDeviceFactory : ISimulatedDeviceFactory
{
    /// <inheritdoc/>
    public bool CanSimulate(SourceConfig source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Protocol == SourceProtocol.ModbusTcp;
    }

    /// <inheritdoc/>
    public ISimulatedDevice Create(SourceConfig source, IReadOnlyList<EquipmentConfig> equipment, ILoggerFactory loggers) =>
        new SimulatedModbusDevice(source, equipment, loggers);
}
