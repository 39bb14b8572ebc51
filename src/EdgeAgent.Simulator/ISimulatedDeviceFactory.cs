using EdgeAgent.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Simulator;

/// <summary>Makes the simulated device for the sources of one protocol (see <see cref="ISimulatedDevice"/>).</summary>
public interface ISimulatedDeviceFactory
{
    /// <summary>Whether this factory simulates <paramref name="source"/>.</summary>
    bool CanSimulate(SourceConfig source);

    /// <summary>A device serving <paramref name="equipment"/> (the equipment fed by <paramref name="source"/>); not started yet.</summary>
    ISimulatedDevice Create(SourceConfig source, IReadOnlyList<EquipmentConfig> equipment, ILoggerFactory loggers);
}
