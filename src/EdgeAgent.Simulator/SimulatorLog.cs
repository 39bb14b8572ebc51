using Microsoft.Extensions.Logging;

namespace EdgeAgent.Simulator;

/// <summary>Log messages of the simulated plant (event ids 7000–7999).</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Simulated plant started: {Devices} devices, flaky sources: {Flaky}")]
    public static partial void PlantStarted(ILogger logger, int devices, IEnumerable<string> flaky);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Simulated device {SourceId} listens on 127.0.0.1:{Port}")]
    public static partial void DeviceListening(ILogger logger, string sourceId, int port);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Simulated device {SourceId} dropped off the network (port {Port} closed)")]
    public static partial void DeviceOffline(ILogger logger, string sourceId, int port);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Simulated device {SourceId} back on the network on port {Port}")]
    public static partial void DeviceOnline(ILogger logger, string sourceId, int port);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Simulated device {SourceId} could not listen on port {Port} again; retrying")]
    public static partial void DeviceRestartFailed(ILogger logger, string sourceId, int port, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Simulated plant could not advance to {Time:o}")]
    public static partial void AdvanceFailed(ILogger logger, DateTime time, Exception exception);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Simulated plant stopped")]
    public static partial void PlantStopped(ILogger logger);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Source {SourceId} ({Protocol}) is not simulated: no simulated device for that protocol yet")]
    public static partial void NotSimulated(ILogger logger, string sourceId, string protocol);
}
