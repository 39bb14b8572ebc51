using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Configuration;
using EdgeAgent.Core.Thresholds;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>
/// Verifies an evidence bundle offline: the signed manifest and every file's SHA-256, every JWS (against the bundle's
/// keys, or only the key the auditor trusts), each record's inclusion in the signed Merkle tree and the chain of
/// records, the consistency of earlier tree heads, that every day of the range has a record, each day's digest
/// recomputed from the raw CSV, and the collection figures and indicators recomputed from the raw rows.
/// </summary>
public sealed partial class BundleVerifier
{
    private readonly DayRollupFunction? _rollups;

    /// <summary>A verifier that rebuilds rollups with Core's rollup builder to recompute the indicators.</summary>
    public BundleVerifier()
        : this(RollupDays.Build)
    {
    }

    /// <summary>A verifier that rebuilds rollups with <paramref name="rollups"/>; null skips indicator recomputation.</summary>
    public BundleVerifier(DayRollupFunction? rollups) => _rollups = rollups;

    /// <summary>Verifies the bundle at <paramref name="path"/>; with <paramref name="publicKey"/>, every signature must be that key's.</summary>
    public BundleVerification Verify(string path, ECDsa? publicKey = null)
    {
        using var stream = File.OpenRead(path);
        return Verify(stream, publicKey);
    }

    /// <summary>Verifies a bundle read from <paramref name="zip"/>.</summary>
    public BundleVerification Verify(Stream zip, ECDsa? publicKey = null)
    {
        var run = new Run(this, publicKey);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            run.Check(archive);
        }
        catch (InvalidDataException ex)
        {
            run.Problem(BundleProblemKind.Malformed, null, "not a readable bundle (zip): " + ex.Message);
        }

        return run.Result();
    }

    /// <summary>One verification: its state and findings.</summary>
    private sealed partial class Run
    {
        /// <summary>Entries up to this size are kept once inflated (records, signatures, keys, configs).</summary>
        private const int CacheLimit = 1 << 20;

        private readonly BundleVerifier _owner;
        private readonly ECDsa? _publicKey;
        private readonly string? _givenKid;
        private readonly List<BundleProblem> _problems = [];
        private readonly List<string> _notes = [];
        private readonly Dictionary<string, ECDsa> _bundleKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _foreignKids = new(StringComparer.Ordinal);
        private readonly HashSet<string> _usedKids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, byte[]> _read = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _deferredHashes = new(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, TimeSpan>> _timings = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _agentId;

        public Run(BundleVerifier owner, ECDsa? publicKey)
        {
            _owner = owner;
            _publicKey = publicKey;
            _givenKid = publicKey is null ? null : EcKeyFormats.KeyId(publicKey);
        }

        public void Problem(BundleProblemKind kind, string? day, string message) => (_sink ?? _problems).Add(new BundleProblem(kind, day, message));

        public BundleVerification Result()
        {
            foreach (var (kid, count) in _foreignKids)
            {
                Problem(BundleProblemKind.KeyMismatch, null,
                    $"key mismatch: {count} signature(s) name key {kid}, not the given public key {_givenKid} (key replaced or bundle re-signed)");
            }

            foreach (var key in _bundleKeys.Values)
            {
                key.Dispose();
            }

            if (_usedKids.Count > 0)
            {
                _notes.Insert(0, "signatures made with key(s): " + string.Join(", ", _usedKids.Order(StringComparer.Ordinal)) +
                    (_publicKey is null ? " (keys taken from the bundle: pass --public-key to check they are the agent's)" : ""));
            }

            return new BundleVerification(_problems, _notes, _timings);
        }

        /// <summary>Records the time since the previous phase ended under <paramref name="phase"/>.</summary>
        private void Phase(string phase)
        {
            _timings.Add(new(phase, _clock.Elapsed));
            _clock.Restart();
        }

        public void Check(ZipArchive archive)
        {
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                if (!_entries.TryAdd(entry.FullName, entry))
                {
                    Problem(BundleProblemKind.Malformed, null, $"{entry.FullName} appears twice in the bundle");
                }
            }

            LoadKeys();
            Phase("zip directory and keys");
            var manifest = CheckManifest();
            Phase("manifest and file hashes (raw CSV hashed while parsed)");
            _agentId = manifest?["agentId"]?.GetValue<string>();
            var head = CheckTreeHead();
            var records = CheckRecords(head);
            CheckEarlierHeads(head);
            CheckDays(manifest, records);
            Phase("signatures, Merkle proofs, chain, tree heads, days");
            CheckRaw(records);
            CheckDeferredHashes();
        }

        /// <summary>An entry's bytes, inflated once: small files are read by several checks.</summary>
        private byte[]? Read(string name)
        {
            if (_read.TryGetValue(name, out var cached))
            {
                return cached;
            }

            if (!_entries.TryGetValue(name, out var entry))
            {
                return null;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream((int)Math.Min(entry.Length, CacheLimit));
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (bytes.Length <= CacheLimit)
            {
                _read[name] = bytes;
            }

            return bytes;
        }

        /// <summary>Hex SHA-256 of an entry, streamed (large files are not held in memory).</summary>
        private static string HashEntry(ZipArchiveEntry entry)
        {
            using var stream = new HashingReadStream(entry.Open());
            return stream.DrainAndHash();
        }

        /// <summary>Compares a file's SHA-256, computed while it was parsed, with the signed manifest's.</summary>
        private void CheckDeferredHash(string path, string actual)
        {
            if (_deferredHashes.Remove(path, out var expected) && !string.Equals(actual, expected, StringComparison.Ordinal))
            {
                Problem(BundleProblemKind.FileChanged, DayOfPath(path), $"{path} changed after export: its SHA-256 differs from the signed manifest");
            }
        }

        /// <summary>Hashes the raw files the recomputation did not read (it stopped early), so every listed file is checked.</summary>
        private void CheckDeferredHashes()
        {
            foreach (var path in _deferredHashes.Keys.ToList())
            {
                CheckDeferredHash(path, HashEntry(_entries[path]));
            }
        }

        private void LoadKeys()
        {
            foreach (var name in _entries.Keys.Where(n => n.StartsWith("keys/", StringComparison.Ordinal) && n.EndsWith(".pem", StringComparison.Ordinal)))
            {
                var named = name["keys/".Length..^".pem".Length];
                try
                {
                    var key = EcKeyFormats.ImportPublicPem(Encoding.ASCII.GetString(Read(name)!));
                    var kid = EcKeyFormats.KeyId(key);
                    if (!string.Equals(kid, named, StringComparison.Ordinal))
                    {
                        Problem(BundleProblemKind.KeyMismatch, null, $"key mismatch: {name} holds key {kid}, not the key its name says");
                        key.Dispose();
                        continue;
                    }

                    _bundleKeys[kid] = key;
                }
                catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
                {
                    Problem(BundleProblemKind.Malformed, null, $"{name} is not a P-256 public key: {ex.Message}");
                }
            }
        }

        /// <summary>Verifies a JWS with the given key or the bundle's; reports a bad signature and returns the payload when valid.</summary>
        private byte[]? VerifyJws(string? jws, string what, string? day)
        {
            if (jws is null)
            {
                Problem(BundleProblemKind.BadSignature, day, $"bad signature on {what}: the signature file is missing");
                return null;
            }

            jws = jws.Trim();
            var kid = JwsHeader.KeyId(jws);
            JwsVerificationResult result;
            if (_publicKey is not null)
            {
                if (kid is not null && !string.Equals(kid, _givenKid, StringComparison.Ordinal))
                {
                    _foreignKids[kid] = _foreignKids.GetValueOrDefault(kid) + 1;
                }

                result = JwsVerifier.Verify(jws, _publicKey);
            }
            else
            {
                result = JwsVerifier.Verify(jws, (IReadOnlyDictionary<string, ECDsa>)_bundleKeys);
            }

            if (!result.IsValid)
            {
                var reason = result.Error == JwsError.BadSignature ? "the signature does not verify" : result.Message;
                Problem(BundleProblemKind.BadSignature, day, $"bad signature on {what}: {reason}" +
                    (_publicKey is not null ? $" with the given public key {_givenKid}" : ""));
                return null;
            }

            if (kid is not null)
            {
                _usedKids.Add(kid);
            }

            return result.Payload;
        }

        private JsonObject? CheckManifest()
        {
            var bytes = Read(BundlePaths.Manifest);
            if (bytes is null)
            {
                Problem(BundleProblemKind.Malformed, null, "manifest.json is missing");
                return null;
            }

            var payload = VerifyJws(Text(BundlePaths.ManifestJws), "manifest.json", null);
            if (payload is not null && !payload.AsSpan().SequenceEqual(bytes))
            {
                Problem(BundleProblemKind.BadSignature, null, "bad signature on manifest.json: the file differs from its signed payload (altered)");
            }

            JsonObject manifest;
            try
            {
                manifest = JsonNode.Parse(bytes)!.AsObject();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
            {
                Problem(BundleProblemKind.Malformed, null, "manifest.json is not a JSON object: " + ex.Message);
                return null;
            }

            var listed = new HashSet<string>(StringComparer.Ordinal) { BundlePaths.Manifest, BundlePaths.ManifestJws };
            foreach (var file in manifest["files"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var path = file["path"]?.GetValue<string>() ?? "";
                listed.Add(path);
                var expected = file["sha256"]?.GetValue<string>();
                if (!_entries.TryGetValue(path, out var entry))
                {
                    Problem(BundleProblemKind.FileChanged, DayOfPath(path), $"{path} is listed in the manifest but missing from the bundle (deleted)");
                }
                else if (path is BundlePaths.Samples or BundlePaths.StatusEvents or BundlePaths.Cycles)
                {
                    // Hashed in the same pass that parses it for the recomputation (or at the end, when nothing parsed it).
                    _deferredHashes[path] = expected;
                }
                else if (!string.Equals(entry.Length > CacheLimit ? HashEntry(entry) : EvidenceHash.Sha256Hex(Read(path)!), expected, StringComparison.Ordinal))
                {
                    Problem(BundleProblemKind.FileChanged, DayOfPath(path), $"{path} changed after export: its SHA-256 differs from the signed manifest");
                }
            }

            foreach (var name in _entries.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal))
            {
                Problem(BundleProblemKind.FileChanged, DayOfPath(name), $"{name} is not listed in the signed manifest (added after export)");
            }

            return manifest;
        }

        private string? Text(string name) => Read(name) is { } bytes ? Encoding.ASCII.GetString(bytes) : null;

        private static string? DayOfPath(string path) =>
            path.StartsWith("records/", StringComparison.Ordinal) && !path.Contains("/superseded/", StringComparison.Ordinal)
                ? Path.GetFileNameWithoutExtension(path)
                : null;

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
