#!/usr/bin/env python3
"""Insert cost of the samples table as it grows, for two index layouts (figures, not a test).

    tests/benchmarks/sqlite-index-ab.py [--rows 8000000] [--tags 97500]

Writes rows the way the recorder does (5,000 per transaction; every tag once per "second", as 100 devices x 975 tags
at 1 s polls produce them) into a fresh WAL database with the storage's pragmas, once with an index on (ts_ms)
(schema v1: every insert lands at the right-hand end of the index) and once on (tag_id, ts_ms) (schema v2: every
insert lands at its tag's own insertion point, ~97,500 of them). Prints, per million rows, wall rows/s and CPU
microseconds per row (CPU time does not depend on what else runs on the machine). Needs only python3.
"""
import argparse
import os
import sqlite3
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=8_000_000)
parser.add_argument("--tags", type=int, default=97_500)
args = parser.parse_args()

SCHEMA = ("CREATE TABLE samples(ts_ms INTEGER NOT NULL, tag_id INTEGER NOT NULL, value REAL, text TEXT, "
          "quality INTEGER NOT NULL, status TEXT)")
LAYOUTS = {"ts_ms (v1)": "CREATE INDEX i ON samples(ts_ms)", "tag_id, ts_ms (v2)": "CREATE INDEX i ON samples(tag_id, ts_ms)"}

with tempfile.TemporaryDirectory(prefix="edgeagent-index-ab-") as folder:
    for n, (name, index) in enumerate(LAYOUTS.items()):
        path = os.path.join(folder, f"{n}.db")
        db = sqlite3.connect(path, isolation_level=None)
        db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; "
                         "PRAGMA journal_size_limit=67108864; PRAGMA temp_store=MEMORY;")
        db.execute(SCHEMA)
        db.execute(index)
        done, tag, ts = 0, 0, 1_700_000_000_000
        wall, cpu = time.time(), time.process_time()
        while done < args.rows:
            batch = []
            for _ in range(5000):
                batch.append((ts, tag + 1, float(done), None, 0, None))
                done += 1
                tag += 1
                if tag == args.tags:
                    tag, ts = 0, ts + 1000
            db.execute("BEGIN")
            db.executemany("INSERT INTO samples VALUES (?,?,?,?,?,?)", batch)
            db.execute("COMMIT")
            if done % 1_000_000 == 0:
                w, c = time.time(), time.process_time()
                print(f"index {name:<20} {done / 1e6:3.0f}M rows: {1e6 / (w - wall):9,.0f} rows/s, "
                      f"{(c - cpu):5.2f} us CPU/row, db {os.path.getsize(path) / 1048576:5.0f} MB", flush=True)
                wall, cpu = w, c
        db.close()
