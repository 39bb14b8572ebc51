using System.Globalization;
using System.Text;
using EdgeAgent.Core.Configuration;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>The bundle's README.txt for the auditor, and the stand-alone recompute script.</summary>
internal static class BundleReadme
{
    public static byte[] Script()
    {
        using var stream = typeof(BundleReadme).Assembly.GetManifestResourceStream("EdgeAgent.Evidence.Bundle.recompute.py")
            ?? throw new InvalidOperationException("the recompute script is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Text(AgentConfig config, DateOnly from, DateOnly to, int days, IReadOnlyList<string> missing, IEnumerable<string> kids)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $$"""
            EdgeAgent evidence bundle
            =========================

            Plant {{config.Site.Id}} ({{config.Site.Name}}), agent {{config.Site.AgentId}}, time zone {{config.Site.TimeZone}}.
            Days {{from:yyyy-MM-dd}} .. {{to:yyyy-MM-dd}}: {{days}} signed daily records, {{missing.Count}} day(s) without a record{{(missing.Count == 0 ? "" : ": " + string.Join(", ", missing))}}.
            Signing key(s): {{string.Join(", ", kids)}} (ES256, P-256; key id = RFC 7638 JWK thumbprint).

            1. Verify with the agent
            ------------------------
                edgeagent verify THIS.zip --public-key PLATFORM_COPY_OF_THE_AGENT_KEY.pem

            Without --public-key the keys in keys/ are used, which proves integrity but not origin: anyone
            could re-sign a forged bundle with a key of their own. Get the agent's public key from the
            assessment platform or the plant (edgeagent keys show) and pass it. Exit code 0 = everything
            holds; otherwise one line per problem.

            2. Verify by hand
            -----------------
            Files:
              manifest.json / .jws    every file's SHA-256, signed; check with: sha256sum -c (see below)
              records/DAY.json / .jws the daily record (RFC 8785 canonical JSON) and its compact JWS
              records/superseded/     records replaced by later corrections (kind "correction" names them):
                                      late data, or output value entered afterwards (its outputFacts differ)
              tree-head.jws           signed {agentId, root, size, timestamp} of the ledger's Merkle tree
              tree-heads/SIZE.jws     earlier signed heads; proofs.json has consistency proofs to the newest
              proofs.json             per record: leafIndex and RFC 6962 inclusion path to the signed root
              keys/KID.pem            public keys used
              raw/samples.csv         every stored sample of the range, by time
              raw/status_events.csv   online/offline events (first the last event of each source before the range)
              raw/collection_cycles.csv  poll cycles per source and UTC minute
              raw/slice.db            the same rows as SQLite (open with: sqlite3 raw/slice.db)
              configs/FINGERPRINT.json  each configuration in force (secrets redacted); SHA-256 = its name
              config.json             the configuration at export time (secrets redacted)
              tools/recompute.py      recomputes digests and inclusion proofs with the Python standard library

            a) The day digests and Merkle proofs, independently of the agent:
                   python3 tools/recompute.py THIS.zip
            b) A signature (JWS = BASE64URL(header) . BASE64URL(payload) . BASE64URL(r||s)):
                   cut -d. -f1,2 records/DAY.jws | tr -d '\n' > input
                   cut -d. -f3 records/DAY.jws | tr '_-' '/+' | base64 -d 2>/dev/null > sig.raw   (pad with = if needed)
                   convert the 64-byte r||s to DER, then: openssl dgst -sha256 -verify keys/KID.pem -signature sig.der input
               The JWS payload must be byte for byte the content of records/DAY.json.
            c) A day digest: take every row of raw/*.csv whose time (ts_ms, minute_ms) lies in
               [dayStart, dayEnd) of the record; write each as a canonical JSON array (RFC 8785):
                   sample        [equipment, tag, ts_ms, value|null, text|null, quality, status|null]
                   status event  [source, ts_ms, online (true/false), reason]
                   cycle         [source, minute_ms, attempts, good]
               In the CSV an empty unquoted field is null and "" is the empty string; value is already
               written in the JSON number form. Sort each list by time, then by the line's bytes; SHA-256
               over the lines, each followed by one LF byte. The record's digest.sha256 is the SHA-256 of
               {"cycles":"<hex>","samples":"<hex>","statusEvents":"<hex>"} (no spaces).
            d) Merkle tree (RFC 6962): leaf = SHA-256(0x00 || record bytes), node = SHA-256(0x01 || left || right);
               record seq n is leaf n-1. Every record's "prev" is the SHA-256 of the record before it.
            e) Indicators: each record carries the engine's numerators, denominators and rules for that day;
               edgeagent verify recomputes them from the raw rows with the configuration the record names.

            """);
        return text.ToString();
    }
}
