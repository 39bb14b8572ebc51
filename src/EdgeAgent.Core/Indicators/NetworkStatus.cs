namespace EdgeAgent.Core.Indicators;

/// <summary>Whether one piece of equipment was networked over a window, and on how many of its in-service days.</summary>
/// <param name="InServiceDays">Days of the window it was in service.</param>
/// <param name="NetworkedDays">In-service days its data was collected automatically with enough availability.</param>
/// <param name="Networked">Networked over the window: networked days ≥ the configured share of in-service days.</param>
public readonly record struct NetworkStatus(int InServiceDays, int NetworkedDays, bool Networked);
