using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeAgent.Evidence.Tests;

public class MerkleTreeTests
{
    // Certificate Transparency reference tree (RFC 6962 test vectors of the CT implementations).
    private static readonly string[] CtLeaves =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] CtRoots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static MerkleTree CtTree() => new(CtLeaves.Select(EvidenceEncoding.FromHex));

    private static List<byte[]> Hashes(params string[] hex) => hex.Select(EvidenceEncoding.FromHex).ToList();

    [Fact]
    public void MatchesTheCertificateTransparencyRootsForEverySize()
    {
        MerkleTree tree = CtTree();
        for (int size = 0; size <= CtLeaves.Length; size++)
        {
            Assert.Equal(CtRoots[size], EvidenceEncoding.ToHex(tree.RootHash(size)));
        }
    }

    [Fact]
    public void MatchesTheCertificateTransparencyInclusionProofs()
    {
        MerkleTree tree = CtTree();
        var cases = new (int Index, int Size, List<byte[]> Proof)[]
        {
            (0, 8, Hashes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            (5, 8, Hashes(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            (0, 1, []),
        };

        foreach (var (index, size, expected) in cases)
        {
            IReadOnlyList<byte[]> proof = tree.InclusionProof(index, size);
            Assert.Equal(expected.Select(h => EvidenceEncoding.ToHex(h)), proof.Select(h => EvidenceEncoding.ToHex(h)));
            Assert.True(MerkleProof.VerifyInclusion(tree.LeafHash(index), index, size, expected, EvidenceEncoding.FromHex(CtRoots[size])));
        }
    }

    [Fact]
    public void MatchesTheCertificateTransparencyConsistencyProofs()
    {
        MerkleTree tree = CtTree();
        var cases = new (int First, int Second, List<byte[]> Proof)[]
        {
            (1, 1, []),
            (2, 8, Hashes(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            (6, 8, Hashes(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            (2, 5, Hashes(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        };

        foreach (var (first, second, expected) in cases)
        {
            IReadOnlyList<byte[]> proof = tree.ConsistencyProof(first, second);
            Assert.Equal(expected.Select(h => EvidenceEncoding.ToHex(h)), proof.Select(h => EvidenceEncoding.ToHex(h)));
            Assert.True(MerkleProof.VerifyConsistency(first, second, EvidenceEncoding.FromHex(CtRoots[first]), EvidenceEncoding.FromHex(CtRoots[second]), expected));
        }
    }

    [Fact]
    public void HashesLeavesAndNodesWithTheRfc6962Prefixes()
    {
        byte[] a = MerkleTree.HashLeaf("a"u8);
        byte[] b = MerkleTree.HashLeaf("b"u8);

        Assert.Equal(EvidenceHash.Sha256([0x00, (byte)'a']), a);
        Assert.Equal(EvidenceHash.Sha256([0x01, .. a, .. b]), MerkleTree.HashChildren(a, b));
        Assert.Equal(CtRoots[0], EvidenceEncoding.ToHex(new MerkleTree().RootHash()));
    }

    [Fact]
    public void EveryProofVerifiesForEveryPairOfSizesUpToSixtyFour()
    {
        MerkleTree tree = DistinctTree(64);
        byte[][] roots = Enumerable.Range(0, 65).Select(tree.RootHash).ToArray();
        for (int n = 1; n <= 64; n++)
        {
            for (int m = 0; m < n; m++)
            {
                IReadOnlyList<byte[]> path = tree.InclusionProof(m, n);
                Assert.True(MerkleProof.VerifyInclusion(tree.LeafHash(m), m, n, path, roots[n]), $"inclusion {m}/{n}");

                // Wrong index, truncated or extended: all rejected (leaves are distinct). A wrong tree size
                // is not always caught, by design of RFC 9162 verification: the size is bound by the signed
                // tree head, not by the path.
                if (n > 1)
                {
                    Assert.False(MerkleProof.VerifyInclusion(tree.LeafHash(m), (m + 1) % n, n, path, roots[n]), $"index {m}/{n}");
                }

                if (path.Count > 0)
                {
                    Assert.False(MerkleProof.VerifyInclusion(tree.LeafHash(m), m, n, path.Take(path.Count - 1).ToList(), roots[n]), $"truncated {m}/{n}");
                }

                Assert.False(MerkleProof.VerifyInclusion(tree.LeafHash(m), m, n, [.. path, new byte[32]], roots[n]), $"extended {m}/{n}");
            }

            for (int m = 0; m <= n; m++)
            {
                IReadOnlyList<byte[]> proof = tree.ConsistencyProof(m, n);
                Assert.True(MerkleProof.VerifyConsistency(m, n, roots[m], roots[n], proof), $"consistency {m}->{n}");
                if (m > 0 && m < n)
                {
                    Assert.False(MerkleProof.VerifyConsistency(m, n, roots[m], roots[n], proof.Take(proof.Count - 1).ToList()), $"truncated {m}->{n}");
                    Assert.False(MerkleProof.VerifyConsistency(m, n, roots[m], roots[n], [.. proof, new byte[32]]), $"extended {m}->{n}");
                    Assert.False(MerkleProof.VerifyConsistency(m, n, roots[m - 1], roots[n], proof), $"other old root {m}->{n}");
                }
            }
        }
    }

    [Fact]
    public void RejectsDegenerateConsistencyClaims()
    {
        MerkleTree tree = DistinctTree(8);
        Assert.True(MerkleProof.VerifyConsistency(0, 8, MerkleTree.EmptyRootHash, tree.RootHash(), []));
        Assert.False(MerkleProof.VerifyConsistency(0, 8, tree.RootHash(1), tree.RootHash(), []));
        Assert.False(MerkleProof.VerifyConsistency(4, 4, tree.RootHash(4), tree.RootHash(5), []));
        Assert.False(MerkleProof.VerifyConsistency(4, 4, tree.RootHash(4), tree.RootHash(4), [new byte[32]]));
        Assert.False(MerkleProof.VerifyConsistency(6, 8, tree.RootHash(6), tree.RootHash(8), []));
        Assert.False(MerkleProof.VerifyConsistency(8, 6, tree.RootHash(8), tree.RootHash(6), tree.ConsistencyProof(6, 8)));
        Assert.False(MerkleProof.VerifyConsistency(6, 8, tree.RootHash(6), tree.RootHash(8), [new byte[31], .. tree.ConsistencyProof(6, 8).Skip(1)]));
        Assert.False(MerkleProof.VerifyInclusion(tree.LeafHash(0), 0, 0, [], tree.RootHash(0)));
        Assert.False(MerkleProof.VerifyInclusion(tree.LeafHash(0), -1, 8, tree.InclusionProof(0), tree.RootHash()));
    }

    [Fact]
    public void ProofGenerationRejectsSizesTheTreeNeverHad()
    {
        MerkleTree tree = DistinctTree(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(4, 3));
        Assert.Throws<ArgumentException>(() => tree.AppendLeafHash(new byte[31]));
    }

    [Fact]
    public void InclusionProofsVerifyAndAnySingleBitFlipBreaksThem()
    {
        Gen<(int Size, int Index, int Bit)> cases =
            from size in Gen.Choose(1, 700)
            from index in Gen.Choose(0, size - 1)
            from bit in Gen.Choose(0, int.MaxValue)
            select (size, index, bit);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            MerkleTree tree = DistinctTree(c.Size);
            byte[] root = tree.RootHash();
            byte[] leaf = tree.LeafHash(c.Index);
            List<byte[]> proof = [.. tree.InclusionProof(c.Index)];
            if (!MerkleProof.VerifyInclusion(leaf, c.Index, c.Size, proof, root))
            {
                return false;
            }

            // Flip one bit anywhere in leaf hash, path or root.
            var parts = new List<byte[]> { leaf, root };
            parts.AddRange(proof);
            int totalBits = parts.Count * 256;
            int bit = c.Bit % totalBits;
            byte[] target = parts[bit / 256];
            target[bit % 256 / 8] ^= (byte)(1 << (bit % 8));
            return !MerkleProof.VerifyInclusion(leaf, c.Index, c.Size, proof, root);
        }));
    }

    [Fact]
    public void ConsistencyProofsVerifyAndAnySingleBitFlipBreaksThem()
    {
        Gen<(int NewSize, int OldSize, int Bit)> cases =
            from newSize in Gen.Choose(1, 700)
            from oldSize in Gen.Choose(0, newSize)
            from bit in Gen.Choose(0, int.MaxValue)
            select (newSize, oldSize, bit);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            MerkleTree tree = DistinctTree(c.NewSize);
            byte[] oldRoot = tree.RootHash(c.OldSize);
            byte[] newRoot = tree.RootHash();
            List<byte[]> proof = [.. tree.ConsistencyProof(c.OldSize)];
            if (!MerkleProof.VerifyConsistency(c.OldSize, c.NewSize, oldRoot, newRoot, proof))
            {
                return false;
            }

            // Every tree extends the empty tree, so with an old size of 0 only the old root is constrained.
            var parts = c.OldSize == 0 ? new List<byte[]> { oldRoot } : new List<byte[]> { oldRoot, newRoot };
            parts.AddRange(proof);
            int bit = c.Bit % (parts.Count * 256);
            parts[bit / 256][bit % 256 / 8] ^= (byte)(1 << (bit % 8));
            return !MerkleProof.VerifyConsistency(c.OldSize, c.NewSize, oldRoot, newRoot, proof);
        }));
    }

    [Fact]
    public void HistoricalRootsEqualTheRootsOfPrefixTrees()
    {
        MerkleTree tree = DistinctTree(300);
        foreach (int size in new[] { 0, 1, 2, 3, 7, 8, 9, 100, 255, 256, 257, 299, 300 })
        {
            Assert.Equal(DistinctTree(size).RootHash(), tree.RootHash(size));
        }

        Assert.Equal(tree.RootHash(), MerkleTree.FromLeafHashes(Enumerable.Range(0, 300).Select(tree.LeafHash)).RootHash());
    }

    [Fact]
    public void HandlesTenThousandLeavesQuickly()
    {
        var stopwatch = Stopwatch.StartNew();
        MerkleTree tree = DistinctTree(10_000);
        byte[] root = tree.RootHash();
        for (int i = 0; i < 10_000; i++)
        {
            Assert.True(MerkleProof.VerifyInclusion(tree.LeafHash(i), i, 10_000, tree.InclusionProof(i), root));
        }

        for (int m = 1; m <= 10_000; m += 97)
        {
            Assert.True(MerkleProof.VerifyConsistency(m, 10_000, tree.RootHash(m), root, tree.ConsistencyProof(m)));
        }

        // A few hundred thousand SHA-256 calls; a budget far above it still catches an O(n) per proof regression.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void RootEqualsAnIndependentPythonImplementation()
    {
        using var folder = new TempFolder();
        var random = new Random(42);
        var leaves = new List<byte[]>();
        var files = new List<string>();
        for (int i = 0; i < 333; i++)
        {
            byte[] leaf = new byte[random.Next(0, 100)];
            random.NextBytes(leaf);
            leaves.Add(leaf);
            string file = folder.File($"leaf{i:D4}");
            File.WriteAllBytes(file, leaf);
            files.Add(file);
        }

        var tree = new MerkleTree(leaves);
        string root = Peer.RunOk("python3", [Peer.Script("merkle_root.py"), .. files]).Trim();
        string[] prefixRoots = Peer.RunOk("python3", [Peer.Script("merkle_root.py"), "--prefixes", .. files]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(root, EvidenceEncoding.ToHex(tree.RootHash()));
        Assert.Equal(leaves.Count + 1, prefixRoots.Length);
        for (int size = 0; size <= leaves.Count; size++)
        {
            Assert.Equal(prefixRoots[size], EvidenceEncoding.ToHex(tree.RootHash(size)));
        }
    }

    [Fact]
    public void ProofsEqualThoseOfAnIndependentPythonImplementation()
    {
        using var folder = new TempFolder();
        var random = new Random(7);
        var leaves = new List<byte[]>();
        var files = new List<string>();
        for (int i = 0; i < 70; i++)
        {
            byte[] leaf = new byte[random.Next(0, 40)];
            random.NextBytes(leaf);
            leaves.Add(leaf);
            string file = folder.File($"leaf{i:D4}");
            File.WriteAllBytes(file, leaf);
            files.Add(file);
        }

        var tree = new MerkleTree(leaves);
        var inclusion = new List<(int M, int N)>();
        var consistency = new List<(int M, int N)>();
        for (int n = 1; n <= 70; n++)
        {
            for (int m = 0; m <= n; m++)
            {
                if (m < n)
                {
                    inclusion.Add((m, n));
                }

                consistency.Add((m, n));
            }
        }

        var request = new JsonObject
        {
            ["inclusion"] = new JsonArray(inclusion.Select(p => (JsonNode)new JsonArray(p.M, p.N)).ToArray()),
            ["consistency"] = new JsonArray(consistency.Select(p => (JsonNode)new JsonArray(p.M, p.N)).ToArray()),
        };
        string output = Peer.RunOk("python3", [Peer.Script("merkle_root.py"), "--proofs", .. files], request.ToJsonString());
        using JsonDocument python = JsonDocument.Parse(output);

        string[][] theirInclusion = python.RootElement.GetProperty("inclusion").Deserialize<string[][]>()!;
        string[][] theirConsistency = python.RootElement.GetProperty("consistency").Deserialize<string[][]>()!;
        for (int i = 0; i < inclusion.Count; i++)
        {
            Assert.Equal(theirInclusion[i], tree.InclusionProof(inclusion[i].M, inclusion[i].N).Select(h => EvidenceEncoding.ToHex(h)));
        }

        for (int i = 0; i < consistency.Count; i++)
        {
            Assert.Equal(theirConsistency[i], tree.ConsistencyProof(consistency[i].M, consistency[i].N).Select(h => EvidenceEncoding.ToHex(h)));
        }
    }

    /// <summary>A tree of <paramref name="size"/> leaves that all differ, so no two subtrees hash alike.</summary>
    private static MerkleTree DistinctTree(int size)
    {
        var tree = new MerkleTree();
        for (int i = 0; i < size; i++)
        {
            tree.Append(BitConverter.GetBytes(i));
        }

        return tree;
    }
}
