namespace EdgeAgent.Modbus.Planning;

/// <summary>An item the planner will never read, and why, in words fit for a log line or a config check.</summary>
/// <param name="Item">The item as given.</param>
/// <param name="Kind">The reason, for code.</param>
/// <param name="Message">The reason, for people.</param>
public readonly record struct ModbusPlanError(ModbusReadItem Item, ModbusPlanErrorKind Kind, string Message);
