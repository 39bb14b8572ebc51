using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Tests;

/// <summary>The ledger and bundle checked by implementations that share no code with ours: Python (RFC 6962, the bundled script) and Node (ES256).</summary>
public sealed class LedgerInteropTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 3, 3);
    private readonly LedgerHistory _history = new(First, 3);
    private readonly LedgerService _ledger;
    private readonly IReadOnlyList<LedgerEntry> _entries;

    public LedgerInteropTests()
    {
        _ledger = _history.CreateLedger();
        _entries = _ledger.CloseThroughAsync(_history.Last).GetAwaiter().GetResult();
    }

    [Fact]
    public void PythonMerkleRootOfTheRecordsEqualsTheSignedTreeHeadRoot()
    {
        var files = _entries.OrderBy(e => e.Seq).Select(e =>
        {
            var path = _history.File($"leaf-{e.Seq}.json");
            File.WriteAllBytes(path, e.RecordJson);
            return path;
        }).ToList();

        var root = Peer.RunOk("python3", [Peer.Script("merkle_root.py"), .. files]).Trim();

        var head = JwsVerifier.Verify(_ledger.LatestTreeHead()!.Jws, _ledger.Keys.PublicKeys());
        Assert.True(head.IsValid, head.ToString());
        Assert.Equal(root, JsonNode.Parse(head.Payload)!["root"]!.GetValue<string>());
    }

    [Fact]
    public void NodeVerifiesADailyRecordSignatureAndItsKeyId()
    {
        var entry = _entries[1];
        var jwsPath = _history.File("record.jws");
        var pemPath = _history.File("public.pem");
        File.WriteAllText(jwsPath, entry.Jws);
        using (var key = _ledger.Keys.LoadCurrent())
        {
            File.WriteAllText(pemPath, key.ExportPublicPem());
        }

        var result = JsonNode.Parse(Peer.RunOk("node", [Peer.Script("verify_jws.js"), pemPath, jwsPath]))!;

        Assert.True(result["valid"]!.GetValue<bool>());
        Assert.Equal(result["thumbprint"]!.GetValue<string>(), result["kid"]!.GetValue<string>());
        Assert.Equal(entry.RecordJson, Convert.FromBase64String(result["payloadBase64"]!.GetValue<string>()));
    }

    [Fact]
    public void BundledPythonScriptRecomputesDigestsAndProofsAndSpotsATamperedSample()
    {
        var path = _history.File("bundle.zip");
        new BundleExporter(_ledger, _history.Storage, _history.Config).ExportAsync(First, _history.Last, path).GetAwaiter().GetResult();
        var script = _history.File("recompute.py");
        File.WriteAllBytes(script, ZipEdit.Read(path, BundlePaths.Script));

        var clean = Peer.Run("python3", [script, path]);
        ZipEdit.Edit(path, BundlePaths.Samples, bytes => Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(bytes).Replace("\"O1001, \"\"roughing\"\"\nline 2\"", "\"O1002, \"\"roughing\"\"\nline 2\"", StringComparison.Ordinal)));
        var tampered = Peer.Run("python3", [script, path]);

        Assert.True(clean.ExitCode == 0, clean.StandardOutput + clean.StandardError);
        Assert.Contains("2025-03-04: digest ok, inclusion in tree of 3 ok", clean.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Equal(3, tampered.StandardOutput.Split('\n').Count(l => l.Contains("digest MISMATCH", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _history.Dispose();
    }
}
