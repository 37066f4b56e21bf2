# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test-only filter: drop keys from a list of dicts (a Jinja dict2items round trip over 1,234 jobs takes seconds)."""

from __future__ import annotations


def without_keys(items, *keys):
    return [{key: value for key, value in item.items() if key not in keys} for item in items]


class FilterModule:
    def filters(self):
        return {"without_keys": without_keys}
