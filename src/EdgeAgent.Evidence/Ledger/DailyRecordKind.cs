namespace EdgeAgent.Evidence.Ledger;

/// <summary>What a daily record is.</summary>
public static class DailyRecordKind
{
    /// <summary>The record written when the day closed.</summary>
    public const string Final = "final";

    /// <summary>A later record for a closed day (late data arrived, or output facts were entered); names the record it supersedes.</summary>
    public const string Correction = "correction";

    /// <summary>A record of the current, unfinished day, built on demand and never stored in the ledger.</summary>
    public const string Provisional = "provisional";
}
