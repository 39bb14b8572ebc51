namespace EdgeAgent.Publishing.Outbox;

/// <summary>Where one outbox row stands (the <c>state</c> column).</summary>
public enum OutboxState
{
    /// <summary>Waiting to be delivered (or being retried).</summary>
    Pending,

    /// <summary>The receiver acknowledged it (HTTP 2xx/409, MQTT PUBACK).</summary>
    Delivered,

    /// <summary>The receiver refused it for good (e.g. HTTP 400); kept with the reason, skipped by the dispatcher.</summary>
    Parked,
}
