# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_summary: counts of readiness rows or of a report (documentation: readiness_summary.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import as_report
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_rows import status_key


def readiness_summary(rows):
    """Rows (or a report) -> {ready, total, ok, not_ready, by_status, not_ready_ids, unchecked, unchecked_ids, verdicts}.

    ok/not_ready keep their first meaning (in the expected status or not); verdicts splits the second into the
    jobs that are really not ready and those that could not be checked. No rows at all is not ready.
    """
    report = as_report(rows, None, None, "readiness_summary", need_event=False)
    counts = {}
    for row in report["rows"]:
        status = row["actual"] or "unknown"
        counts[status] = counts.get(status, 0) + 1
    not_ok = [row["job_id"] for row in report["rows"] if row["verdict"] != "ready"]
    summary = report["summary"]
    return {
        "ready": report["ready"],
        "total": summary["total"],
        "ok": summary["ready"],
        "not_ready": len(not_ok),
        "by_status": {status: counts[status] for status in sorted(counts, key=status_key)},
        "not_ready_ids": not_ok,
        "unchecked": summary["unchecked"],
        "unchecked_ids": [row["job_id"] for row in report["rows"] if row["verdict"] == "unchecked"],
        "verdicts": {verdict: summary[verdict] for verdict in ("ready", "not_ready", "unchecked")},
    }


class FilterModule:
    """Readiness summary filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_summary": readiness_summary}
