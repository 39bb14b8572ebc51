using System.Numerics;
using System.Security.Cryptography;

namespace EdgeAgent.Evidence;

/// <summary>
/// Append-only Merkle tree of RFC 6962 §2.1 (the Certificate Transparency tree, also RFC 9162 §2.1):
/// leaf hash SHA-256(0x00 || leaf), node hash SHA-256(0x01 || left || right), a tree of n leaves split
/// at the largest power of two smaller than n. Keeps every complete power-of-two subtree, so roots of
/// any earlier size, inclusion proofs and consistency proofs cost O(log² n) hashes, not O(n).
/// </summary>
/// <remarks>Not thread-safe: one writer, or external locking.</remarks>
public sealed class MerkleTree
{
    /// <summary>_levels[j][i] = hash of the complete subtree of leaves [i·2^j, (i+1)·2^j).</summary>
    private readonly List<List<byte[]>> _levels = [[]];

    /// <summary>An empty tree.</summary>
    public MerkleTree()
    {
    }

    /// <summary>A tree over <paramref name="leaves"/> (leaf data, hashed here), in order.</summary>
    public MerkleTree(IEnumerable<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        foreach (byte[] leaf in leaves)
        {
            Append(leaf);
        }
    }

    /// <summary>Number of leaves.</summary>
    public int Count => _levels[0].Count;

    /// <summary>Root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1).</summary>
    public static byte[] EmptyRootHash => SHA256.HashData([]);

    /// <summary>A tree whose leaves are already hashed (<see cref="HashLeaf"/>), e.g. read back from storage.</summary>
    public static MerkleTree FromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var tree = new MerkleTree();
        foreach (byte[] hash in leafHashes)
        {
            tree.AppendLeafHash(hash);
        }

        return tree;
    }

    /// <summary>SHA-256(0x00 || leaf).</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> leaf)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(leaf);
        return hash.GetHashAndReset();
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * EvidenceHash.Sha256Size)];
        if (left.Length != EvidenceHash.Sha256Size || right.Length != EvidenceHash.Sha256Size)
        {
            throw new ArgumentException("Node hashes are 32 bytes.");
        }

        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + EvidenceHash.Sha256Size)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>Appends leaf data; returns its index.</summary>
    public int Append(ReadOnlySpan<byte> leaf) => AppendLeafHash(HashLeaf(leaf));

    /// <summary>Appends an already hashed leaf; returns its index.</summary>
    public int AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != EvidenceHash.Sha256Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }

        int index = Count;
        _levels[0].Add(leafHash.ToArray());

        // Each time a level gets a complete pair, the parent subtree is complete too.
        for (int level = 0; _levels[level].Count % 2 == 0; level++)
        {
            List<byte[]> nodes = _levels[level];
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            _levels[level + 1].Add(HashChildren(nodes[^2], nodes[^1]));
        }

        return index;
    }

    /// <summary>The hash of leaf <paramref name="index"/>.</summary>
    public byte[] LeafHash(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return (byte[])_levels[0][index].Clone();
    }

    /// <summary>MTH of the whole tree.</summary>
    public byte[] RootHash() => RootHash(Count);

    /// <summary>MTH of the first <paramref name="treeSize"/> leaves: the root the tree had at that size.</summary>
    public byte[] RootHash(int treeSize)
    {
        CheckSize(treeSize);
        return treeSize == 0 ? EmptyRootHash : (byte[])SubtreeHash(0, treeSize).Clone();
    }

    /// <summary>Audit path PATH(m, D[n]) of RFC 6962 §2.1.1 for leaf <paramref name="leafIndex"/> in the current tree.</summary>
    public IReadOnlyList<byte[]> InclusionProof(int leafIndex) => InclusionProof(leafIndex, Count);

    /// <summary>Audit path for leaf <paramref name="leafIndex"/> in the tree of the first <paramref name="treeSize"/> leaves, leaf side first.</summary>
    public IReadOnlyList<byte[]> InclusionProof(int leafIndex, int treeSize)
    {
        CheckSize(treeSize);
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        var proof = new List<byte[]>();
        AddPath(leafIndex, 0, treeSize, proof);
        return proof;
    }

    /// <summary>Consistency proof PROOF(m, D[n]) of RFC 6962 §2.1.2 from size <paramref name="oldSize"/> to the current tree.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(int oldSize) => ConsistencyProof(oldSize, Count);

    /// <summary>
    /// Consistency proof from the tree of <paramref name="oldSize"/> leaves to the tree of
    /// <paramref name="newSize"/>. Empty when the sizes are equal or the old tree is empty
    /// (every tree extends the empty tree).
    /// </summary>
    public IReadOnlyList<byte[]> ConsistencyProof(int oldSize, int newSize)
    {
        CheckSize(newSize);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize)
        {
            AddSubProof(oldSize, 0, newSize, true, proof);
        }

        return proof;
    }

    private void AddPath(int m, int start, int n, List<byte[]> proof)
    {
        if (n == 1)
        {
            return;
        }

        int k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            AddPath(m, start, k, proof);
            proof.Add(SubtreeHash(start + k, n - k));
        }
        else
        {
            AddPath(m - k, start + k, n - k, proof);
            proof.Add(SubtreeHash(start, k));
        }
    }

    private void AddSubProof(int m, int start, int n, bool wholeOldTree, List<byte[]> proof)
    {
        if (m == n)
        {
            // The old tree's own root is known to the verifier only when this subtree is all of it.
            if (!wholeOldTree)
            {
                proof.Add(SubtreeHash(start, n));
            }

            return;
        }

        int k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            AddSubProof(m, start, k, wholeOldTree, proof);
            proof.Add(SubtreeHash(start + k, n - k));
        }
        else
        {
            AddSubProof(m - k, start + k, n - k, false, proof);
            proof.Add(SubtreeHash(start, k));
        }
    }

    /// <summary>
    /// MTH of leaves [start, start + n). Within RFC 6962's recursion every power-of-two range starts at
    /// a multiple of its size, so it is a stored complete subtree; the rest splits as the RFC does.
    /// </summary>
    private byte[] SubtreeHash(int start, int n)
    {
        if (BitOperations.IsPow2(n))
        {
            int level = BitOperations.Log2((uint)n);
            return _levels[level][start >> level];
        }

        int k = LargestPowerOfTwoBelow(n);
        return HashChildren(SubtreeHash(start, k), SubtreeHash(start + k, n - k));
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n &gt; 1).</summary>
    internal static int LargestPowerOfTwoBelow(int n) => 1 << BitOperations.Log2((uint)(n - 1));

    private void CheckSize(int treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Count);
    }
}
