using System.Text;
using System.Text.Json.Nodes;
using EdgeAgent.Core.Rollups;
using EdgeAgent.Evidence.Bundle;
using EdgeAgent.Evidence.Ledger;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Evidence.Tests;

public sealed class LedgerServiceTests
{
    private static readonly DateOnly First = new(2025, 3, 3);

    [Fact]
    public async Task ClosingDaysAppendsOneSignedChainedRecordPerDay()
    {
        using var history = new LedgerHistory(First, 3);
        using var ledger = history.CreateLedger();

        var appended = await ledger.CloseThroughAsync(history.Last);

        Assert.Equal(["2025-03-03", "2025-03-04", "2025-03-05"], appended.Select(e => e.Day));
        Assert.Equal([1L, 2L, 3L], appended.Select(e => e.Seq));
        Assert.All(appended, e => Assert.Equal(DailyRecordKind.Final, e.Kind));
        var keys = ledger.Keys.PublicKeys();
        var previous = LedgerService.GenesisHash;
        foreach (var entry in appended)
        {
            var verified = JwsVerifier.Verify(entry.Jws, keys);
            Assert.True(verified.IsValid, verified.ToString());
            Assert.Equal(entry.RecordJson, verified.Payload);
            Assert.Equal(entry.RecordJson, CanonicalJson.Canonicalize(entry.RecordJson));
            var record = JsonNode.Parse(entry.RecordJson)!;
            Assert.Equal(previous, record["prev"]!.GetValue<string>());
            Assert.Equal(entry.Seq, record["seq"]!.GetValue<long>());
            Assert.Equal("gw-test", record["agentId"]!.GetValue<string>());
            Assert.Equal(DayIndicators.Computed, record["indicatorsStatus"]!.GetValue<string>());
            Assert.NotNull(record["indicators"]!["results"]);
            Assert.Equal(ledger.ConfigFingerprint, record["configFingerprint"]!.GetValue<string>());
            previous = entry.RecordHash;
        }

        Assert.Equal(3, ledger.LatestTreeHead()!.Size);
    }

    [Fact]
    public async Task RecordCarriesCollectionFiguresGapsDigestAndClock()
    {
        using var history = new LedgerHistory(First, 3);
        using var ledger = history.CreateLedger();
        await ledger.CloseThroughAsync(history.Last);

        var record = JsonNode.Parse(ledger.GetEffectiveRecords(First.AddDays(1), First.AddDays(1)).Single().RecordJson)!;

        var collection = record["collection"]!.AsArray().Select(n => n!.AsObject()).ToDictionary(o => o["equipment"]!.GetValue<string>());
        Assert.Equal(["cnc-1", "cnc-2", "press-1"], collection.Keys);
        var cnc2 = collection["cnc-2"];
        Assert.Equal(3600, cnc2["offlineSeconds"]!.GetValue<double>());
        var offline = Assert.Single(cnc2["offline"]!.AsArray())!;
        Assert.Equal("timeout", offline["reason"]!.GetValue<string>());
        Assert.Equal(2880, cnc2["cycles"]!["attempts"]!.GetValue<long>());
        Assert.Equal(2880 - 120, cnc2["cycles"]!["good"]!.GetValue<long>());
        Assert.Equal(0, cnc2["minutesWithoutCycles"]!.GetValue<long>());
        Assert.Null(collection["press-1"]["source"]);
        Assert.Null(collection["press-1"]["cycles"]);

        var digest = record["digest"]!;
        Assert.Equal(1431, digest["samples"]!["count"]!.GetValue<long>());
        Assert.Equal(2, digest["statusEvents"]!["count"]!.GetValue<long>());
        Assert.Equal(2880, digest["cycles"]!["count"]!.GetValue<long>());

        var clock = record["clock"]!;
        Assert.False(clock["timeWentBackwards"]!.GetValue<bool>());
        Assert.True(clock["createdAfterDayEnd"]!.GetValue<bool>());
        Assert.True(clock["firstSample"]!.GetValue<long>() >= record["dayStart"]!.GetValue<long>());
        Assert.True(clock["lastSample"]!.GetValue<long>() < record["dayEnd"]!.GetValue<long>());
    }

    [Fact]
    public async Task StoredConfigurationHasItsSecretsRedacted()
    {
        using var history = new LedgerHistory(First, 1);
        using var ledger = history.CreateLedger();
        await ledger.CloseThroughAsync(history.Last);

        var stored = Encoding.UTF8.GetString(ledger.GetConfig(ledger.ConfigFingerprint)!);

        Assert.DoesNotContain("secret-a", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("token-0123456789abcdef", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("operator-0123456789abcdef", stored, StringComparison.Ordinal);
        Assert.Contains(EffectiveConfig.Redacted, stored, StringComparison.Ordinal);
        Assert.Equal(ledger.ConfigFingerprint, EvidenceHash.Sha256Hex(Encoding.UTF8.GetBytes(stored)));
    }

    [Fact]
    public async Task ClosingAgainWithoutNewDataAppendsNothing()
    {
        using var history = new LedgerHistory(First, 2);
        using var ledger = history.CreateLedger();
        await ledger.CloseThroughAsync(history.Last);

        var again = await ledger.CloseThroughAsync(history.Last);

        Assert.Empty(again);
        Assert.Null(await ledger.CloseDayAsync(First));
        Assert.Equal(2, ledger.Size);
    }

    [Fact]
    public async Task LateDataAppendsACorrectionThatNamesTheSupersededRecord()
    {
        using var history = new LedgerHistory(First, 3);
        using var ledger = history.CreateLedger();
        var originals = await ledger.CloseThroughAsync(history.Last);
        await history.WriteLateSampleAsync(First.AddDays(2));

        var corrections = await ledger.CloseThroughAsync(history.Last);

        var correction = Assert.Single(corrections);
        Assert.Equal(DailyRecordKind.Correction, correction.Kind);
        Assert.Equal(4, correction.Seq);
        Assert.Equal(3, correction.SupersedesSeq);
        var record = JsonNode.Parse(correction.RecordJson)!;
        Assert.Equal(originals[2].RecordHash, record["supersedes"]!["recordHash"]!.GetValue<string>());
        var before = JsonNode.Parse(originals[2].RecordJson)!["digest"]!["samples"]!["count"]!.GetValue<long>();
        Assert.Equal(before + 1, record["digest"]!["samples"]!["count"]!.GetValue<long>());
        Assert.Equal(4, ledger.GetEffectiveRecords(First, history.Last).Single(e => e.Day == "2025-03-05").Seq);
        Assert.Equal(4, ledger.GetRecords(First, history.Last).Count);
    }

    [Fact]
    public async Task LedgerRowsCannotBeUpdatedOrDeleted()
    {
        using var history = new LedgerHistory(First, 2);
        using var ledger = history.CreateLedger();
        await ledger.CloseThroughAsync(history.Last);
        using var connection = new SqliteConnection($"Data Source={history.Storage.DatabasePath}");
        connection.Open();

        string Fails(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message;
        }

        Assert.Contains("append-only", Fails("UPDATE ledger_records SET jws = 'x' WHERE seq = 1"), StringComparison.Ordinal);
        Assert.Contains("append-only", Fails("DELETE FROM ledger_records WHERE seq = 2"), StringComparison.Ordinal);
        Assert.Contains("append-only", Fails("UPDATE ledger_tree_heads SET root = 'x'"), StringComparison.Ordinal);
        Assert.Contains("append-only", Fails("DELETE FROM ledger_tree_heads"), StringComparison.Ordinal);
        Assert.Contains("append-only", Fails("DELETE FROM ledger_configs"), StringComparison.Ordinal);
        Assert.Contains("next number", Fails("INSERT INTO ledger_records(seq, day, kind, record_json, record_hash, leaf_hash, jws, created_at) VALUES (7, 'd', 'final', x'00', 'h', 'l', 'j', 'c')"), StringComparison.Ordinal);
        Assert.Equal(2, ledger.Size);
    }

    [Fact]
    public async Task RetentionLeavesTheLedgerAlone()
    {
        using var history = new LedgerHistory(First, 2);
        using var ledger = history.CreateLedger();
        await ledger.CloseThroughAsync(history.Last);

        await history.Storage.DeleteOlderThanAsync(history.Utc(history.Last.AddDays(1), 0, 0));

        Assert.Equal(2, ledger.GetRecords(First, history.Last).Count);
        Assert.Equal(2, ledger.LatestTreeHead()!.Size);
    }

    [Fact]
    public async Task ProofsVerifyAgainstTheSignedTreeHeads()
    {
        using var history = new LedgerHistory(First, 3);
        using var ledger = history.CreateLedger();
        await ledger.CloseThroughAsync(history.Last);
        var keys = ledger.Keys.PublicKeys();

        foreach (var size in new long[] { 2, 3 })
        {
            var proof = ledger.GetProof(First.AddDays(1), size);

            Assert.Equal(size, proof.TreeSize);
            var head = JwsVerifier.Verify(proof.TreeHead!.Jws, keys);
            Assert.True(head.IsValid, head.ToString());
            var payload = JsonNode.Parse(head.Payload)!;
            Assert.Equal(proof.Root, payload["root"]!.GetValue<string>());
            Assert.Equal(size, payload["size"]!.GetValue<long>());
            Assert.Equal("gw-test", payload["agentId"]!.GetValue<string>());
            var record = Assert.Single(proof.Records);
            Assert.True(MerkleProof.VerifyInclusion(MerkleTree.HashLeaf(record.Entry.RecordJson), record.LeafIndex, size,
                record.Path.Select(EvidenceEncoding.FromHex).ToList(), EvidenceEncoding.FromHex(proof.Root)));
            Assert.Equal("2025-03-04", proof.ToJson()["records"]![0]!["record"]!["day"]!.GetValue<string>());
        }

        var consistency = ledger.GetConsistencyProof(1, 3);
        Assert.True(MerkleProof.VerifyConsistency(1, 3, EvidenceEncoding.FromHex(consistency.OldRoot), EvidenceEncoding.FromHex(consistency.NewRoot),
            consistency.Path.Select(EvidenceEncoding.FromHex).ToList()));
        Assert.Equal(consistency.OldRoot, consistency.OldHead!.Root);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.GetProof(First, 4));
    }

    [Fact]
    public async Task FinishedDaysAreThoseBeforeThePlantLocalToday()
    {
        using var history = new LedgerHistory(First, 3);

        // 2025-03-05 00:10 in Shanghai is still 2025-03-04 in UTC: only the 3rd and 4th are finished.
        var time = new FixedTime(new DateTimeOffset(2025, 3, 5, 0, 10, 0, TimeSpan.FromHours(8)));
        using var ledger = history.CreateLedger(time);

        var closed = await ledger.CloseFinishedDaysAsync();

        Assert.Equal(["2025-03-03", "2025-03-04"], closed.Select(e => e.Day));
        var provisional = await ledger.BuildProvisionalAsync(First.AddDays(2));
        Assert.Equal(DailyRecordKind.Provisional, provisional.Kind);
        Assert.Equal("provisional", JsonNode.Parse(provisional.RecordJson)!["kind"]!.GetValue<string>());
        Assert.False(JsonNode.Parse(provisional.RecordJson)!["clock"]!["createdAfterDayEnd"]!.GetValue<bool>());
        Assert.Equal(2, ledger.Size);
    }

    [Fact]
    public void NextCloseIsShortlyAfterTheNextPlantLocalMidnight()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var delay = TimeSpan.FromMinutes(5);

        Assert.Equal(new DateTimeOffset(2025, 3, 6, 0, 5, 0, TimeSpan.FromHours(8)),
            LedgerCloserService.NextClose(new DateTimeOffset(2025, 3, 5, 13, 0, 0, TimeSpan.FromHours(8)), zone, delay));
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 0, 5, 0, TimeSpan.FromHours(8)),
            LedgerCloserService.NextClose(new DateTimeOffset(2025, 3, 5, 0, 1, 0, TimeSpan.FromHours(8)), zone, delay));
    }

    [Fact]
    public async Task SignedIndicatorsThatDoNotFollowFromTheDataAreARecomputationMismatch()
    {
        using var history = new LedgerHistory(First, 2);

        // An agent whose rollups claim every cycle was good: its signatures are genuine, its indicators are not.
        static IReadOnlyList<EquipmentRollup> Flattering(Core.Configuration.AgentConfig config, DayRawData data, TimeZoneInfo zone) =>
            RollupDays.Build(config, data, zone).Select(r => r with { GoodCycles = r.Cycles, GoodParts = r.GoodParts + 1000 }).ToList();
        using var ledger = new LedgerService(history.Storage, history.Config, new LedgerOptions { AgentVersion = "test", Rollups = Flattering });
        await ledger.CloseThroughAsync(history.Last);
        var path = history.File("flattering.zip");
        await new BundleExporter(ledger, history.Storage, history.Config).ExportAsync(First, history.Last, path);

        var problems = new BundleVerifier().Verify(path).Problems;

        Assert.All(problems, p => Assert.Equal(BundleProblemKind.RecomputationMismatch, p.Kind));
        Assert.Contains(problems, p => p.Day == "2025-03-04" && p.Message.StartsWith("recomputation mismatch on day 2025-03-04: indicators", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }
}
