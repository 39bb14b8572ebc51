using Microsoft.Extensions.Logging;

namespace EdgeAgent.Storage;

public sealed partial class SqliteStorage
{
    /// <summary>Event ids 6000–6009.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Created database {Path} (schema {Version})")]
        public static partial void Created(ILogger logger, string path, int version);

        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Retention deleted {Samples} samples, {Events} status events, {Cycles} cycle rows older than {Cutoff:u}")]
        public static partial void RetentionDeleted(ILogger logger, long samples, long events, long cycles, DateTime cutoff);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Migrated database {Path} from schema {From} to {To}")]
        public static partial void Migrated(ILogger logger, string path, int from, int to);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Database {Path} was created by agent {StoredAgentId}, not by this agent {AgentId}; its history is kept as it is")]
        public static partial void OtherAgent(ILogger logger, string path, string storedAgentId, string agentId);

        [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Storage write of {Samples} samples, {Events} events, {Cycles} cycle rows rolled back: {Reason}")]
        public static partial void WriteFailed(ILogger logger, int samples, int events, int cycles, string reason);

        [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "WAL checkpoint on close of {Path} failed; the WAL file is kept and replayed on the next open")]
        public static partial void CheckpointFailed(ILogger logger, string path, Exception exception);
    }
}
