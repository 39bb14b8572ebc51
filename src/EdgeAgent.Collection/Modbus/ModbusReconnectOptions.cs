namespace EdgeAgent.Collection.Modbus;

/// <summary>Backoff of the reconnect loop (exponential with jitter).</summary>
public sealed class ModbusReconnectOptions
{
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
