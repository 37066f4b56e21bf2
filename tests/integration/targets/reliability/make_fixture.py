#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writes the reliability target's emulator fixture: the bundled default (FAKE credentials, the event jobs) plus
generated jobs for the quota and concurrency cases (gen-<api>-0001...; Huawei ones in app gen-app-1).

Usage: make_fixture.py COLLECTION_DIR OUT.json
"""

import json
import os
import sys

import yaml

GENERATE = {"ice_snapshot": 40, "huawei_record": 120}


def main(collection_dir, out):
    with open(os.path.join(collection_dir, "emulator", "data", "default.yml"), encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    document["generate"] = dict(GENERATE)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(document, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
