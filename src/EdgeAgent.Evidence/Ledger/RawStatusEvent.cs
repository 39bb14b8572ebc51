namespace EdgeAgent.Evidence.Ledger;

/// <summary>One row of <c>status_events</c>: a source went online or offline.</summary>
/// <param name="Source">Source id.</param>
/// <param name="TimestampMs">When, UTC unix milliseconds.</param>
/// <param name="Online">New state.</param>
/// <param name="Reason">Why.</param>
public readonly record struct RawStatusEvent(string Source, long TimestampMs, bool Online, string Reason);
