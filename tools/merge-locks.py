#!/usr/bin/env python
"""Merge per-Python `pip freeze` outputs into one constraints file with environment markers.

Usage: merge-locks.py 3.12=freeze312.txt 3.13=freeze313.txt > tools/constraints.txt

Pins identical on every listed Python are written plainly. A pin that differs (e.g. Sphinx 9.2
needs Python 3.13; 3.12 gets 9.1.1 with docutils 0.22.x) or exists only on some Pythons gets one
line per version with a `python_version` marker. The newest listed Python also covers later ones.
"""

import re
import sys


def read(path):
    pins = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "==" not in line:
                continue
            name, version = line.split("==", 1)
            pins[re.sub(r"[-_.]+", "-", name).lower()] = (name, version.split(";")[0].strip())
    return pins


def main(args):
    locks = []
    for arg in args:
        version, path = arg.split("=", 1)
        locks.append((tuple(int(x) for x in version.split(".")), read(path)))
    locks.sort()
    newest = locks[-1][0]
    out = []
    for key in sorted({k for lock_version, pins in locks for k in pins}):
        seen = [(v, pins.get(key)) for v, pins in locks]
        versions = {p[1] for v, p in seen if p}
        if len(versions) == 1 and all(p for v, p in seen):
            name, version = next(p for v, p in seen if p)
            out.append(f"{name}=={version}")
            continue
        for v, pin in seen:
            if not pin:
                continue
            op = ">=" if v == newest else "=="
            out.append(f'{pin[0]}=={pin[1]} ; python_version {op} "{v[0]}.{v[1]}"')
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
