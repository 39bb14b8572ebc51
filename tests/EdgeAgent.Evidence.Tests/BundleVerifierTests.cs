using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Tests;

public sealed class BundleVerifierTests : IClassFixture<BundleVerifierTests.ExportedBundle>
{
    private static readonly DateOnly First = new(2025, 3, 3);
    private readonly ExportedBundle _bundle;

    public BundleVerifierTests(ExportedBundle bundle) => _bundle = bundle;

    [Fact]
    public void UntouchedBundleVerifies()
    {
        var result = new BundleVerifier().Verify(_bundle.Path);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Contains(result.Notes, n => n.Contains("indicators recomputed for 3", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("cnc-2 offline 3600 s", StringComparison.Ordinal));
    }

    [Fact]
    public void UntouchedBundleVerifiesWithTheAgentsPublicKey()
    {
        using var key = _bundle.PublicKey();

        var result = new BundleVerifier().Verify(_bundle.Path, key);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void OneByteChangedInARecordIsABadSignatureOnThatDay()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Edit(copy.Path, "records/2025-03-04.json", bytes => Replace(bytes, "\"agentVersion\":\"test\"", "\"agentVersion\":\"tesT\""));

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.BadSignature && p.Day == "2025-03-04"
            && p.Message.StartsWith("bad signature on day 2025-03-04", StringComparison.Ordinal));
        AssertHas(problems, p => p.Kind == BundleProblemKind.BrokenChain && p.Day == "2025-03-04");
        AssertHasNo(problems, p => p.Day == "2025-03-03" || p.Day == "2025-03-05");
    }

    [Fact]
    public void OneByteChangedInARawSampleIsADigestMismatchOnItsDay()
    {
        using var copy = _bundle.Copy();
        var day = First.AddDays(1);
        var ts = new DateTimeOffset(_bundle.History.Utc(day, 9, 0).AddSeconds(3)).ToUnixTimeMilliseconds();
        ZipEdit.Edit(copy.Path, BundlePaths.Samples, bytes =>
        {
            // cnc-1 state at 09:00 of the second day: 2 (run) becomes 3 (down).
            var text = Encoding.UTF8.GetString(bytes);
            var line = $"cnc-1,state,{ts},";
            var at = text.IndexOf(line, StringComparison.Ordinal);
            Assert.True(at >= 0);
            var valueAt = text.IndexOf(',', at + line.Length) + 1;
            Assert.Equal('2', text[valueAt]);
            return Encoding.UTF8.GetBytes(text[..valueAt] + "3" + text[(valueAt + 1)..]);
        });

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.DigestMismatch && p.Day == "2025-03-04"
            && p.Message.StartsWith("digest mismatch on day 2025-03-04", StringComparison.Ordinal) && p.Message.Contains("samples", StringComparison.Ordinal));
        AssertHas(problems, p => p.Kind == BundleProblemKind.RecomputationMismatch && p.Day == "2025-03-04"
            && p.Message.StartsWith("recomputation mismatch on day 2025-03-04: indicators", StringComparison.Ordinal));
        AssertHas(problems, p => p.Kind == BundleProblemKind.FileChanged && p.Message.StartsWith("raw/samples.csv changed", StringComparison.Ordinal));
        AssertHasNo(problems, p => p.Kind == BundleProblemKind.DigestMismatch && p.Day != "2025-03-04");
    }

    [Fact]
    public void ChangedCollectionCycleIsADigestAndRecomputationMismatch()
    {
        using var copy = _bundle.Copy();
        var minute = new DateTimeOffset(_bundle.History.Utc(First.AddDays(2), 3, 0)).ToUnixTimeMilliseconds();
        ZipEdit.Edit(copy.Path, BundlePaths.Cycles, bytes => Replace(bytes, $"src-a,{minute},{DayBounds.Iso(minute)},2,2\n", $"src-a,{minute},{DayBounds.Iso(minute)},2,0\n"));

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.DigestMismatch && p.Day == "2025-03-05" && p.Message.Contains("collection cycles", StringComparison.Ordinal));
        AssertHas(problems, p => p.Kind == BundleProblemKind.RecomputationMismatch && p.Day == "2025-03-05"
            && p.Message.Contains("collection figures", StringComparison.Ordinal) && p.Message.Contains("cnc-1", StringComparison.Ordinal));
    }

    [Fact]
    public void OneByteChangedInASignatureIsABadSignatureOnThatDay()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Edit(copy.Path, "records/2025-03-05.jws", bytes =>
        {
            var changed = (byte[])bytes.Clone();
            var i = changed.Length - 10;
            changed[i] = changed[i] == (byte)'A' ? (byte)'B' : (byte)'A';
            return changed;
        });

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.BadSignature && p.Day == "2025-03-05"
            && p.Message.Contains("the signature does not verify", StringComparison.Ordinal));
        AssertHasNo(problems, p => p.Kind is BundleProblemKind.DigestMismatch or BundleProblemKind.MissingDay);
    }

    [Fact]
    public void DeletedDayIsReportedMissing()
    {
        using var copy = _bundle.Copy();
        ZipEdit.Delete(copy.Path, "records/2025-03-04.json");
        ZipEdit.Delete(copy.Path, "records/2025-03-04.jws");

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.MissingDay && p.Message == "missing day 2025-03-04: no signed record in the bundle");
        AssertHas(problems, p => p.Kind == BundleProblemKind.FileChanged && p.Message.StartsWith("records/2025-03-04.json is listed in the manifest but missing", StringComparison.Ordinal));
    }

    [Fact]
    public void SwappedDaysAreReportedAsWrongDays()
    {
        using var copy = _bundle.Copy();
        foreach (var ext in new[] { ".json", ".jws" })
        {
            var a = ZipEdit.Read(copy.Path, "records/2025-03-03" + ext);
            var b = ZipEdit.Read(copy.Path, "records/2025-03-04" + ext);
            ZipEdit.Write(copy.Path, "records/2025-03-03" + ext, b);
            ZipEdit.Write(copy.Path, "records/2025-03-04" + ext, a);
        }

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.WrongDay && p.Message == "wrong day: records/2025-03-03.json holds the record of day 2025-03-04 (days swapped or renamed)");
        AssertHas(problems, p => p.Kind == BundleProblemKind.WrongDay && p.Message == "wrong day: records/2025-03-04.json holds the record of day 2025-03-03 (days swapped or renamed)");
        AssertHas(problems, p => p.Kind == BundleProblemKind.BrokenChain && p.Day == "2025-03-03");
    }

    [Fact]
    public void BundleResignedWithAnotherKeyIsCaughtByThePinnedPublicKey()
    {
        using var copy = _bundle.Copy();
        using var forger = SigningKey.Generate();
        ResignWholeBundle(copy.Path, forger);
        using var agentKey = _bundle.PublicKey();

        // Self-consistent with the keys inside it: integrity holds, origin is what --public-key is for.
        var withBundleKeys = new BundleVerifier().Verify(copy.Path);
        var pinned = new BundleVerifier().Verify(copy.Path, agentKey).Problems;

        Assert.True(withBundleKeys.IsValid, string.Join("\n", withBundleKeys.Problems));
        Assert.Contains(withBundleKeys.Notes, n => n.Contains(forger.KeyId, StringComparison.Ordinal));
        AssertHas(pinned, p => p.Kind == BundleProblemKind.KeyMismatch && p.Message.Contains(forger.KeyId, StringComparison.Ordinal)
            && p.Message.Contains(_bundle.KeyId, StringComparison.Ordinal));
        foreach (var day in new[] { "2025-03-03", "2025-03-04", "2025-03-05" })
        {
            AssertHas(pinned, p => p.Kind == BundleProblemKind.BadSignature && p.Day == day);
        }
    }

    [Fact]
    public void ReplacedKeyFileIsAKeyMismatch()
    {
        using var copy = _bundle.Copy();
        using var other = SigningKey.Generate();
        ZipEdit.Write(copy.Path, $"keys/{_bundle.KeyId}.pem", Encoding.ASCII.GetBytes(other.ExportPublicPem()));

        var problems = new BundleVerifier().Verify(copy.Path).Problems;

        AssertHas(problems, p => p.Kind == BundleProblemKind.KeyMismatch && p.Message.Contains(other.KeyId, StringComparison.Ordinal));
        AssertHas(problems, p => p.Kind == BundleProblemKind.BadSignature && p.Day == "2025-03-03");
    }

    [Fact]
    public void NotAZipIsOneClearProblem()
    {
        using var folder = new TempFolder();
        var path = folder.File("x.zip");
        File.WriteAllText(path, "hello");

        var problems = new BundleVerifier().Verify(path).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal(BundleProblemKind.Malformed, problem.Kind);
    }

    private static void AssertHas(IReadOnlyList<BundleProblem> problems, Func<BundleProblem, bool> match) =>
        Assert.True(problems.Any(match), "no such problem among:\n" + string.Join("\n", problems));

    private static void AssertHasNo(IReadOnlyList<BundleProblem> problems, Func<BundleProblem, bool> match) =>
        Assert.False(problems.Any(match), "unexpected problem among:\n" + string.Join("\n", problems));

    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>What a forger with the raw files but not the agent's key would do: re-sign everything with their own key.</summary>
    private static void ResignWholeBundle(string zipPath, SigningKey forger)
    {
        foreach (var name in ZipEdit.Names(zipPath).Where(n => n.EndsWith(".jws", StringComparison.Ordinal) && n != BundlePaths.ManifestJws))
        {
            var jws = Encoding.ASCII.GetString(ZipEdit.Read(zipPath, name)).Trim();
            var parts = jws.Split('.');
            var header = JsonNode.Parse(EvidenceEncoding.FromBase64Url(parts[0]))!;
            ZipEdit.Write(zipPath, name, Encoding.ASCII.GetBytes(JwsSigner.Sign(EvidenceEncoding.FromBase64Url(parts[1]), forger, header["typ"]?.GetValue<string>())));
        }

        foreach (var name in ZipEdit.Names(zipPath).Where(n => n.StartsWith("keys/", StringComparison.Ordinal)))
        {
            ZipEdit.Delete(zipPath, name);
        }

        ZipEdit.Write(zipPath, $"keys/{forger.KeyId}.pem", Encoding.ASCII.GetBytes(forger.ExportPublicPem()));
        var manifest = JsonNode.Parse(ZipEdit.Read(zipPath, BundlePaths.Manifest))!.AsObject();
        var files = new JsonArray();
        foreach (var name in ZipEdit.Names(zipPath).Where(n => n is not BundlePaths.Manifest and not BundlePaths.ManifestJws).Order(StringComparer.Ordinal))
        {
            var content = ZipEdit.Read(zipPath, name);
            files.Add(new JsonObject { ["path"] = name, ["sha256"] = EvidenceHash.Sha256Hex(content), ["bytes"] = content.Length });
        }

        manifest["files"] = files;
        manifest["keys"] = new JsonArray(forger.KeyId);
        var bytes = CanonicalJson.Serialize(manifest);
        ZipEdit.Write(zipPath, BundlePaths.Manifest, bytes);
        ZipEdit.Write(zipPath, BundlePaths.ManifestJws, Encoding.ASCII.GetBytes(JwsSigner.Sign(bytes, forger, "edgeagent-manifest+jws")));
    }

    /// <summary>Three closed days exported once for all tests of the class; each tamper test works on a copy.</summary>
    public sealed class ExportedBundle : IDisposable
    {
        private readonly LedgerService _ledger;

        public ExportedBundle()
        {
            History = new LedgerHistory(First, 3);
            _ledger = History.CreateLedger();
            _ledger.CloseThroughAsync(History.Last).GetAwaiter().GetResult();
            Path = History.File("bundle.zip");
            new BundleExporter(_ledger, History.Storage, History.Config).ExportAsync(History.First, History.Last, Path).GetAwaiter().GetResult();
            using var key = _ledger.Keys.LoadCurrent();
            KeyId = key.KeyId;
        }

        internal LedgerHistory History { get; }

        public string Path { get; }

        public string KeyId { get; }

        public ECDsa PublicKey()
        {
            using var key = _ledger.Keys.LoadCurrent();
            return key.CreatePublicKey();
        }

        public BundleCopy Copy() => new(Path);

        public void Dispose()
        {
            _ledger.Dispose();
            History.Dispose();
        }
    }

    /// <summary>A throw-away copy of the bundle to tamper with.</summary>
    public sealed class BundleCopy : IDisposable
    {
        private readonly TempFolder _folder = new();

        public BundleCopy(string source)
        {
            Path = _folder.File("copy.zip");
            File.Copy(source, Path);
        }

        public string Path { get; }

        public void Dispose() => _folder.Dispose();
    }
}
