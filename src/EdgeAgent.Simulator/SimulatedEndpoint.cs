namespace EdgeAgent.Simulator;

/// <summary>Where a simulated device listens.</summary>
public sealed record SimulatedEndpoint(string Host, int Port);
