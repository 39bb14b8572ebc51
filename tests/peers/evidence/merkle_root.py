#!/usr/bin/env python3
"""Independent RFC 6962 §2.1 Merkle tree, written straight from the RFC's recursive definitions.

  merkle_root.py LEAF_FILE...          print the hex MTH of the leaves (file contents, in order)
  merkle_root.py --prefixes LEAF_FILE... print the MTH of every prefix D[0:n], n = 0..len, one per line
  merkle_root.py --proofs LEAF_FILE... read JSON requests from stdin, print the RFC's PATH/PROOF
                                       for each as hex lists (one JSON document out)

Requests: {"inclusion": [[m, n], ...], "consistency": [[m, n], ...]}.
Standard library only, so it runs on any machine with python3.
"""
import hashlib
import json
import sys


def sha256(data):
    return hashlib.sha256(data).digest()


def split(n):
    """Largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves):
    n = len(leaves)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return sha256(b"\x00" + leaves[0])
    k = split(n)
    return sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))


def path(m, leaves):
    n = len(leaves)
    if n <= 1:
        return []
    k = split(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, b):
    n = len(leaves)
    if m == n:
        return [] if b else [mth(leaves)]
    k = split(n)
    if m <= k:
        return subproof(m, leaves[:k], b) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def main(argv):
    mode = argv[0] if argv[:1] in (["--proofs"], ["--prefixes"]) else None
    files = argv[1:] if mode else argv
    leaves = []
    for name in files:
        with open(name, "rb") as f:
            leaves.append(f.read())
    if mode is None:
        print(mth(leaves).hex())
        return 0
    if mode == "--prefixes":
        print("\n".join(mth(leaves[:n]).hex() for n in range(len(leaves) + 1)))
        return 0
    request = json.load(sys.stdin)
    result = {
        "inclusion": [[h.hex() for h in path(m, leaves[:n])] for m, n in request.get("inclusion", [])],
        "consistency": [
            [h.hex() for h in subproof(m, leaves[:n], True)] if 0 < m < n else []
            for m, n in request.get("consistency", [])
        ],
    }
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
