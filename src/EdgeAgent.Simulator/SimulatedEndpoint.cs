namespace EdgeAgent.Simulator;

/// <summary>
/// Where a simulated device listens. Modbus devices give <see cref="Host"/> and <see cref="Port"/>; an OPC UA device
/// (a later addition) also gives <see cref="EndpointUrl"/>.
/// </summary>
public sealed record SimulatedEndpoint(string Host, int Port, string? EndpointUrl = null);
