#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""leak_scan.py PATTERNS PATH... : every file under PATH (recursively, binary or not) must contain none of the
patterns (one per line: the run's secrets and tokens, and signature / token-header markers). Case-insensitive.
Prints the number of files and bytes scanned; on a hit prints file, pattern number and a masked excerpt, exits 1."""

import os
import re
import sys

# an excerpt printed next to a hit must not itself show a secret: long token-like runs are blanked
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9+/=_.-]{12,}")

EXCLUDED = {"fixture.json", "secrets.env", "patterns.txt"}   # the run's inputs hold the secrets by design


def files_under(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
        for root, _dirs, names in os.walk(path):
            for name in names:
                if name not in EXCLUDED:
                    yield os.path.join(root, name)


def main(patterns_file, *paths):
    with open(patterns_file, encoding="utf-8") as handle:
        patterns = [line.rstrip("\n") for line in handle if line.strip()]
    needles = [(number, pattern.lower().encode("utf-8")) for number, pattern in enumerate(patterns, start=1)]
    scanned = total = hits = 0
    for path in files_under(paths):
        try:
            with open(path, "rb") as handle:
                data = handle.read().lower()
        except OSError:
            continue
        scanned += 1
        total += len(data)
        for number, needle in needles:
            at = data.find(needle)
            if at >= 0:
                hits += 1
                excerpt = _TOKEN_LIKE.sub("<redacted>", data[max(0, at - 60):at].decode("utf-8", "replace")) + "<PATTERN %d>" % number
                print("LEAK: %s contains pattern %d: ...%s" % (path, number, excerpt))
    print("leak scan: %d files, %d bytes, %d patterns (%d secrets/tokens + markers): %d hits"
          % (scanned, total, len(needles), sum(1 for p in patterns if len(p) >= 40), hits))
    return 1 if hits or scanned == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
