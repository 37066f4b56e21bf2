# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_json: a report as the text of readiness.json (documentation: readiness_json.yml)."""

from __future__ import annotations

import json

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import REPORT_KEYS, check_report


def readiness_json(report):
    """A report -> indented JSON text (UTF-8 characters kept), keys in schema order, trailing newline."""
    report = check_report(report, "readiness_json")
    return json.dumps({key: report[key] for key in REPORT_KEYS}, indent=2, ensure_ascii=False) + "\n"


class FilterModule:
    """Readiness JSON filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_json": readiness_json}
