namespace EdgeAgent.Simulator;

/// <summary>
/// One simulated device on the network, serving one source of the configuration from the <see cref="PlantModel"/>.
/// The extension point for protocols: Modbus TCP today (<see cref="SimulatedModbusDevice"/>); an OPC UA server
/// publishing the CNCs and robots plugs in the same way through an <see cref="ISimulatedDeviceFactory"/>.
/// </summary>
public interface ISimulatedDevice : IAsyncDisposable
{
    /// <summary>Id of the source the device stands in for.</summary>
    string SourceId { get; }

    /// <summary>Where it listens; valid after <see cref="StartAsync"/>, and unchanged across outages.</summary>
    SimulatedEndpoint Endpoint { get; }

    /// <summary>Whether it is on the network (accepting connections) now.</summary>
    bool IsOnline { get; }

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Copies the model's current values into what the device serves. Called with the model locked.</summary>
    void Publish(PlantModel model);

    /// <summary>
    /// Takes the device off the network (it refuses connections and drops the open ones) or brings it back on the same
    /// endpoint. Returns false when it could not come back (the port was taken meanwhile); the caller retries.
    /// </summary>
    Task<bool> SetOnlineAsync(bool online, CancellationToken cancellationToken);
}
