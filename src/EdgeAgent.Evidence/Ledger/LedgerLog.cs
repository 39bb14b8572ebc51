using Microsoft.Extensions.Logging;

namespace EdgeAgent.Evidence.Ledger;

/// <summary>Log messages of the ledger (Evidence event ids 5100–5199).</summary>
internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Ledger: closed day {Day} as record {Seq} ({Kind}), digest {Digest}")]
    public static partial void DayClosed(ILogger logger, string day, long seq, string kind, string digest);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Ledger: late data or newly entered output facts changed day {Day}; correction record {Seq} supersedes record {Superseded}")]
    public static partial void Correction(ILogger logger, string day, long seq, long superseded);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Ledger: no signing key in {Folder}; created key {KeyId}. Back up the keys folder and publish the public key to the assessment platform")]
    public static partial void KeyCreated(ILogger logger, string folder, string keyId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Ledger: {Days} days to close from {From}; closing only the first {Max} in this pass (is the clock right?)")]
    public static partial void TooManyDays(ILogger logger, int days, string from, int max);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Ledger: closing finished days failed; will retry at the next pass")]
    public static partial void CloseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Ledger: next day close at {When:u}")]
    public static partial void NextClose(ILogger logger, DateTimeOffset when);
}
