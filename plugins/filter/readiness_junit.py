# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_junit: a report (or rows) as JUnit XML (documentation: readiness_junit.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_junit import junit
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import as_report


def readiness_junit(report, event_name=None, checked_at=None):
    """A report -> JUnit XML; rows (the pre-v2 form) need event_name, checked_at defaults to now."""
    return junit(as_report(report, event_name, checked_at, "readiness_junit"))


class FilterModule:
    """Readiness JUnit filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_junit": readiness_junit}
