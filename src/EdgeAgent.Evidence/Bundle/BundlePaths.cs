namespace EdgeAgent.Evidence.Bundle;

/// <summary>File names inside an evidence bundle (docs/evidence.md, "Bundle layout").</summary>
public static class BundlePaths
{
    /// <summary>Value of the manifest's <c>schema</c> member.</summary>
    public const string Schema = "edgeagent/bundle/1";

    public const string Manifest = "manifest.json";
    public const string ManifestJws = "manifest.jws";
    public const string TreeHead = "tree-head.jws";
    public const string Proofs = "proofs.json";
    public const string Samples = "raw/samples.csv";
    public const string StatusEvents = "raw/status_events.csv";
    public const string Cycles = "raw/collection_cycles.csv";
    public const string Slice = "raw/slice.db";
    public const string Config = "config.json";
    public const string Readme = "README.txt";
    public const string Script = "tools/recompute.py";

    public const string SamplesHeader = "equipment,tag,ts_ms,time_utc,value,text,quality,status";
    public const string StatusEventsHeader = "source,ts_ms,time_utc,online,reason";
    public const string CyclesHeader = "source,minute_ms,time_utc,attempts,good";

    /// <summary>The record in force for a day.</summary>
    public static string Record(string day) => $"records/{day}.json";

    /// <summary>Its signature.</summary>
    public static string RecordJws(string day) => $"records/{day}.jws";

    /// <summary>A record replaced by a correction.</summary>
    public static string Superseded(long seq) => $"records/superseded/{seq}.json";

    /// <summary>Its signature.</summary>
    public static string SupersededJws(long seq) => $"records/superseded/{seq}.jws";

    /// <summary>An earlier signed tree head.</summary>
    public static string EarlierTreeHead(long size) => $"tree-heads/{size}.jws";

    /// <summary>A public key.</summary>
    public static string Key(string kid) => $"keys/{kid}.pem";

    /// <summary>A configuration in force on some day.</summary>
    public static string ConfigByFingerprint(string fingerprint) => $"configs/{fingerprint}.json";
}
