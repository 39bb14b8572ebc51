#!/usr/bin/env python3
"""Recompute an EdgeAgent evidence bundle's day digests and Merkle inclusion proofs by hand.

  python3 tools/recompute.py BUNDLE.zip      (or the folder the zip was extracted to)

Standard library only, and independent of the agent's code: it follows the definitions in the
bundle's README.txt (and docs/evidence.md). For every records/<day>.json it recomputes the day
digest from raw/*.csv and checks the record's inclusion proof against tree-head.jws. Signatures
are checked with openssl (see README.txt), not here. Exit 0 when everything matches.
"""
import base64
import hashlib
import io
import json
import os
import sys
import zipfile


def open_bundle(path):
    if os.path.isdir(path):
        return lambda name: open(os.path.join(path, name), "rb").read(), sorted(
            os.path.relpath(os.path.join(d, f), path).replace(os.sep, "/") for d, _, fs in os.walk(path) for f in fs)
    z = zipfile.ZipFile(path)
    return z.read, z.namelist()


def es_number(x):
    """ECMAScript Number::toString (the number form RFC 8785 prescribes)."""
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("no JSON form")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    s = repr(abs(x))
    mant, exp = (s.split("e") + ["0"])[:2]
    ip, fp = (mant.split(".") + [""])[:2]
    all_digits = ip + fp
    lz = len(all_digits) - len(all_digits.lstrip("0"))
    d = all_digits.lstrip("0").rstrip("0")
    k, n = len(d), len(ip) + int(exp) - lz
    if k <= n <= 21:
        out = d + "0" * (n - k)
    elif 0 < n <= 21:
        out = d[:n] + "." + d[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + d
    else:
        e = n - 1
        out = d[0] + ("." + d[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


def jcs(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return es_number(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(jcs(i) for i in v) + "]"
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + jcs(v[k]) for k in sorted(v, key=lambda s: s.encode("utf-16-be"))) + "}"


def csv_rows(text):
    """RFC 4180 rows as lists of (text, quoted): an unquoted empty field is NULL, "" is the empty string."""
    rows, row, field, quoted, i, n = [], [], [], False, 0, len(text)
    while i < n:
        c = text[i]
        if quoted is True:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    quoted = "done"
            else:
                field.append(c)
        elif c == '"' and not field and quoted is False:
            quoted = True
        elif c == ",":
            row.append(("".join(field), quoted == "done"))
            field, quoted = [], False
        elif c == "\n" or (c == "\r" and text[i + 1:i + 2] in ("\n", "")):
            if c == "\r":
                i += 1
            row.append(("".join(field), quoted == "done"))
            rows.append(row)
            row, field, quoted = [], [], False
        else:
            field.append(c)
        i += 1
    if field or row:
        row.append(("".join(field), quoted == "done"))
        rows.append(row)
    return rows[1:]  # header


def nullable(f):
    return None if f[1] is False and f[0] == "" else f[0]


def value(f):
    t = nullable(f)
    if t is None or t in ("Infinity", "-Infinity"):
        return t
    return float(t)


def sha256_lines(items):
    items.sort(key=lambda it: (it[0], it[1]))
    h = hashlib.sha256()
    for _, line in items:
        h.update(line + b"\n")
    return h.hexdigest()


def verify_inclusion(leaf_hash, index, size, path, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = hashlib.sha256(b"\x01" + p + r).digest()
            if not fn & 1:
                while True:
                    fn >>= 1
                    sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            r = hashlib.sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def main(argv):
    if len(argv) != 1:
        print(__doc__)
        return 2
    read, names = open_bundle(argv[0])
    samples = [(int(r[2][0]), jcs([r[0][0], r[1][0], int(r[2][0]), value(r[4]), nullable(r[5]), int(r[6][0]), nullable(r[7])]).encode())
               for r in csv_rows(read("raw/samples.csv").decode("utf-8"))]
    events = [(int(r[1][0]), jcs([r[0][0], int(r[1][0]), r[3][0] == "1", r[4][0]]).encode())
              for r in csv_rows(read("raw/status_events.csv").decode("utf-8"))]
    cycles = [(int(r[1][0]), jcs([r[0][0], int(r[1][0]), int(r[3][0]), int(r[4][0])]).encode())
              for r in csv_rows(read("raw/collection_cycles.csv").decode("utf-8"))]
    head = read("tree-head.jws").decode().strip().split(".")
    head_payload = json.loads(base64.urlsafe_b64decode(head[1] + "=" * (-len(head[1]) % 4)))
    root = bytes.fromhex(head_payload["root"])
    proofs = {p["file"]: p for p in json.loads(read("proofs.json"))["records"]}
    failures = 0
    for name in sorted(n for n in names if n.startswith("records/") and n.endswith(".json") and "/superseded/" not in n):
        raw = read(name)
        record = json.loads(raw)
        lo, hi = record["dayStart"], record["dayEnd"]
        got = {key: sha256_lines([it for it in rows if lo <= it[0] < hi])
               for key, rows in (("samples", samples), ("statusEvents", events), ("cycles", cycles))}
        combined = hashlib.sha256(jcs(got).encode()).hexdigest()
        signed = record["digest"]
        digest_ok = combined == signed["sha256"] and all(got[k] == signed[k]["sha256"] for k in got)
        proof = proofs.get(name)
        leaf = hashlib.sha256(b"\x00" + raw).digest()
        inclusion_ok = proof is not None and verify_inclusion(
            leaf, proof["leafIndex"], head_payload["size"], [bytes.fromhex(h) for h in proof["inclusion"]], root)
        print(f"{record['day']}: digest {'ok' if digest_ok else 'MISMATCH ' + combined + ' != ' + signed['sha256']}, "
              f"inclusion in tree of {head_payload['size']} {'ok' if inclusion_ok else 'FAILS'}")
        failures += (not digest_ok) + (not inclusion_ok)
    print(f"tree-head root {head_payload['root']} size {head_payload['size']}; {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
