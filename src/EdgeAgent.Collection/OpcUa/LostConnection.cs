namespace EdgeAgent.Collection.OpcUa;

/// <summary>Why (a status name) and when an OPC UA session was lost.</summary>
internal sealed record LostConnection(string Reason, DateTime AtUtc);
