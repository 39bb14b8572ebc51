using System.Numerics;

namespace EdgeAgent.Evidence;

/// <summary>
/// Verification of RFC 6962 Merkle proofs with the algorithms of RFC 9162 §2.1.3.2 (inclusion) and
/// §2.1.4.2 (consistency). Needs nothing but the hashes: this is what an auditor runs.
/// </summary>
public static class MerkleProof
{
    /// <summary>No tree we could build has more levels; longer proofs are rejected before hashing.</summary>
    private const int MaxProofLength = 64;

    /// <summary>
    /// True when <paramref name="proof"/> shows that <paramref name="leafHash"/> is leaf
    /// <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves whose root is
    /// <paramref name="rootHash"/>.
    /// </summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (leafIndex < 0 || leafIndex >= treeSize || !AllHashes(proof) || leafHash.Length != EvidenceHash.Sha256Size)
        {
            return false;
        }

        ulong fn = (ulong)leafIndex;
        ulong sn = (ulong)(treeSize - 1);
        byte[] r = leafHash.ToArray();
        foreach (byte[] p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleTree.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleTree.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(rootHash);
    }

    /// <summary>
    /// True when <paramref name="proof"/> shows that the tree of <paramref name="oldSize"/> leaves with
    /// root <paramref name="oldRoot"/> is a prefix of the tree of <paramref name="newSize"/> leaves with
    /// root <paramref name="newRoot"/>. Equal sizes need an empty proof and equal roots; an empty old
    /// tree needs an empty proof and the empty-tree root.
    /// </summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || newSize < oldSize || !AllHashes(proof)
            || oldRoot.Length != EvidenceHash.Sha256Size || newRoot.Length != EvidenceHash.Sha256Size)
        {
            return false;
        }

        if (oldSize == 0)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(MerkleTree.EmptyRootHash);
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        // A power-of-two old tree is a complete subtree of the new one, so the proof leaves out its root.
        var path = new List<byte[]>(proof.Count + 1);
        if (BitOperations.IsPow2((ulong)oldSize))
        {
            path.Add(oldRoot.ToArray());
        }

        path.AddRange(proof);
        ulong fn = (ulong)(oldSize - 1);
        ulong sn = (ulong)(newSize - 1);
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        byte[] fr = path[0];
        byte[] sr = path[0];
        for (int i = 1; i < path.Count; i++)
        {
            byte[] c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleTree.HashChildren(c, fr);
                sr = MerkleTree.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleTree.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        if (proof.Count > MaxProofLength)
        {
            return false;
        }

        foreach (byte[] p in proof)
        {
            if (p is null || p.Length != EvidenceHash.Sha256Size)
            {
                return false;
            }
        }

        return true;
    }
}
