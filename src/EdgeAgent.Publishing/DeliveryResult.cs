namespace EdgeAgent.Publishing;

/// <summary>What one delivery attempt came to.</summary>
public enum DeliveryStatus
{
    /// <summary>The receiver has it (HTTP 2xx or 409, MQTT PUBACK).</summary>
    Delivered,

    /// <summary>A passing failure (timeout, 5xx, 429, broker down): try the same record again later.</summary>
    Retry,

    /// <summary>The receiver refuses this record for good (HTTP 4xx other than 408/409/429): park it and go on.</summary>
    Park,
}

/// <summary>The outcome of one delivery attempt.</summary>
/// <param name="Status">Delivered, retry or park.</param>
/// <param name="Error">Why it failed (shown on the status page), or null when delivered.</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it sent one.</param>
public sealed record DeliveryResult(DeliveryStatus Status, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Delivered.</summary>
    public static DeliveryResult Delivered { get; } = new(DeliveryStatus.Delivered);

    /// <summary>A passing failure.</summary>
    public static DeliveryResult Retry(string error, TimeSpan? retryAfter = null) => new(DeliveryStatus.Retry, error, retryAfter);

    /// <summary>A refusal for good.</summary>
    public static DeliveryResult Park(string reason) => new(DeliveryStatus.Park, reason);
}
