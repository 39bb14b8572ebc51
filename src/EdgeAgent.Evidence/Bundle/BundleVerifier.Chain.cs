using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeAgent.Evidence.Ledger;

namespace EdgeAgent.Evidence.Bundle;

/// <summary>Signatures, Merkle proofs, chain and completeness of the records.</summary>
public sealed partial class BundleVerifier
{
    private sealed record TreeHeadInfo(long Size, byte[] Root);

    private sealed record RecordInfo(string File, string? FileDay, long Seq, JsonObject Json, byte[] Bytes, string Hash, bool Superseded)
    {
        public string Day => Json["day"]?.GetValue<string>() ?? "?";
    }

    private sealed partial class Run
    {
        private JsonObject? _proofs;

        private TreeHeadInfo? CheckTreeHead()
        {
            if (!_entries.ContainsKey(BundlePaths.TreeHead))
            {
                if (_entries.Keys.Any(n => n.StartsWith("records/", StringComparison.Ordinal)))
                {
                    Problem(BundleProblemKind.BrokenChain, null, "broken chain: tree-head.jws is missing, so no record can be tied to the signed ledger");
                }

                return null;
            }

            var payload = VerifyJws(Text(BundlePaths.TreeHead), "tree-head.jws (the signed tree head)", null);
            try
            {
                _proofs = JsonNode.Parse(Read(BundlePaths.Proofs) ?? "{}"u8.ToArray())?.AsObject();
            }
            catch (JsonException ex)
            {
                Problem(BundleProblemKind.Malformed, null, "proofs.json is not JSON: " + ex.Message);
            }

            if (payload is null)
            {
                return null;
            }

            try
            {
                var head = JsonNode.Parse(payload)!.AsObject();
                var agent = head["agentId"]?.GetValue<string>();
                if (_agentId is not null && !string.Equals(agent, _agentId, StringComparison.Ordinal))
                {
                    Problem(BundleProblemKind.BrokenChain, null, $"broken chain: the signed tree head is of agent {agent}, the bundle of agent {_agentId}");
                }

                return new TreeHeadInfo(head["size"]!.GetValue<long>(), EvidenceEncoding.FromHex(head["root"]!.GetValue<string>()));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
            {
                Problem(BundleProblemKind.Malformed, null, "tree-head.jws does not carry {size, root}: " + ex.Message);
                return null;
            }
        }

        private List<RecordInfo> CheckRecords(TreeHeadInfo? head)
        {
            var proofsByFile = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var proof in _proofs?["records"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                if (proof["file"]?.GetValue<string>() is { } file)
                {
                    proofsByFile[file] = proof;
                }
            }

            var records = new List<RecordInfo>();
            foreach (var name in _entries.Keys.Where(n => n.StartsWith("records/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var superseded = name.StartsWith("records/superseded/", StringComparison.Ordinal);
                var fileDay = superseded ? null : Path.GetFileNameWithoutExtension(name);
                var what = superseded ? $"superseded record {name}" : $"day {fileDay} ({name})";
                var bytes = Read(name)!;
                var payload = VerifyJws(Text(name[..^".json".Length] + ".jws"), what, fileDay);
                if (payload is not null && !payload.AsSpan().SequenceEqual(bytes))
                {
                    Problem(BundleProblemKind.BadSignature, fileDay, $"bad signature on {what}: the record differs from its signed payload (altered)");
                }

                JsonObject json;
                try
                {
                    json = JsonNode.Parse(bytes)!.AsObject();
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
                {
                    Problem(BundleProblemKind.Malformed, fileDay, $"{name} is not a JSON object: {ex.Message}");
                    continue;
                }

                var record = new RecordInfo(name, fileDay, json["seq"]?.GetValue<long>() ?? 0, json, bytes, EvidenceHash.Sha256Hex(bytes), superseded);
                records.Add(record);
                if (fileDay is not null && !string.Equals(record.Day, fileDay, StringComparison.Ordinal))
                {
                    Problem(BundleProblemKind.WrongDay, fileDay, $"wrong day: {name} holds the record of day {record.Day} (days swapped or renamed)");
                }

                if (_agentId is not null && !string.Equals(json["agentId"]?.GetValue<string>(), _agentId, StringComparison.Ordinal))
                {
                    Problem(BundleProblemKind.Malformed, fileDay, $"{name} is a record of agent {json["agentId"]}, the bundle of agent {_agentId}");
                }

                if (head is null)
                {
                    continue;
                }

                if (!proofsByFile.TryGetValue(name, out var proof))
                {
                    Problem(BundleProblemKind.BrokenChain, record.FileDay, $"broken chain: no inclusion proof for {name} in proofs.json");
                    continue;
                }

                var path = proof["inclusion"]?.AsArray().Select(h => EvidenceEncoding.FromHex(h!.GetValue<string>())).ToList() ?? [];
                var index = proof["leafIndex"]?.GetValue<long>() ?? -1;
                if (index != record.Seq - 1 || !MerkleProof.VerifyInclusion(MerkleTree.HashLeaf(bytes), index, head.Size, path, head.Root))
                {
                    Problem(BundleProblemKind.BrokenChain, record.FileDay,
                        Invariant($"broken chain: the record of day {record.Day} in {name} (seq {record.Seq}) is not in the signed Merkle tree of {head.Size} records"));
                }
            }

            // Each record names the hash of the one before it: where both are in the bundle, they must link up.
            var bySeq = records.GroupBy(r => r.Seq).ToDictionary(g => g.Key, g => g.First());
            foreach (var record in records.OrderBy(r => r.Seq))
            {
                if (bySeq.TryGetValue(record.Seq - 1, out var previous) &&
                    !string.Equals(record.Json["prev"]?.GetValue<string>(), previous.Hash, StringComparison.Ordinal))
                {
                    // The later record names the hash of the earlier one as signed; the earlier one is what no longer matches.
                    Problem(BundleProblemKind.BrokenChain, previous.FileDay,
                        Invariant($"broken chain: record {previous.Seq} (day {previous.Day}) is not the record that record {record.Seq} (day {record.Day}) follows"));
                }

                if (record.Json["supersedes"] is JsonObject replaced && replaced["seq"]?.GetValue<long>() is { } replacedSeq &&
                    bySeq.TryGetValue(replacedSeq, out var old) &&
                    !string.Equals(replaced["recordHash"]?.GetValue<string>(), old.Hash, StringComparison.Ordinal))
                {
                    Problem(BundleProblemKind.BrokenChain, record.FileDay,
                        Invariant($"broken chain: correction {record.Seq} (day {record.Day}) names a superseded record {replacedSeq} that differs from the one in the bundle"));
                }
            }

            return records;
        }

        private void CheckEarlierHeads(TreeHeadInfo? head)
        {
            if (head is null)
            {
                return;
            }

            foreach (var item in _proofs?["treeHeads"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var file = item["file"]?.GetValue<string>() ?? "";
                var payload = VerifyJws(Text(file), file, null);
                if (payload is null)
                {
                    continue;
                }

                var earlier = JsonNode.Parse(payload)!.AsObject();
                var size = earlier["size"]!.GetValue<long>();
                var root = EvidenceEncoding.FromHex(earlier["root"]!.GetValue<string>());
                var path = item["consistency"]?.AsArray().Select(h => EvidenceEncoding.FromHex(h!.GetValue<string>())).ToList() ?? [];
                if (!MerkleProof.VerifyConsistency(size, head.Size, root, head.Root, path))
                {
                    Problem(BundleProblemKind.BrokenChain, null,
                        Invariant($"broken chain: the signed tree head of {size} records is not a prefix of the newest ({head.Size} records): history was rewritten"));
                }
            }
        }

        private void CheckDays(JsonObject? manifest, List<RecordInfo> records)
        {
            if (!DayBounds.TryParse(manifest?["from"]?.GetValue<string>(), out var from) || !DayBounds.TryParse(manifest?["to"]?.GetValue<string>(), out var to))
            {
                Problem(BundleProblemKind.Malformed, null, "manifest.json does not give the range (from, to)");
                return;
            }

            var present = records.Where(r => !r.Superseded).Select(r => r.FileDay).ToHashSet(StringComparer.Ordinal);
            var missing = 0;
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                var name = DayBounds.Format(day);
                if (!present.Contains(name))
                {
                    missing++;
                    Problem(BundleProblemKind.MissingDay, name, $"missing day {name}: no signed record in the bundle");
                }
            }

            _notes.Add(Invariant($"range {DayBounds.Format(from)} .. {DayBounds.Format(to)}: {to.DayNumber - from.DayNumber + 1 - missing} day(s) with a record, {missing} missing"));
        }
    }
}
