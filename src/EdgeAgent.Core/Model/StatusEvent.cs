namespace EdgeAgent.Core.Model;

/// <summary>A device (source) went online or offline. Kept in the status timeline as evidence of collection gaps.</summary>
/// <param name="SourceId">The source whose state changed.</param>
/// <param name="TimestampUtc">When the change was observed, UTC.</param>
/// <param name="Online">New state.</param>
/// <param name="Reason">Why: "connected", "timeout", "connection refused", "exception IllegalFunction", ...</param>
public sealed record StatusEvent(string SourceId, DateTime TimestampUtc, bool Online, string Reason);
