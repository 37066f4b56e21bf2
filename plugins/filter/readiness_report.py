# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_report: a readiness_info result (or rows) -> the report document (documentation: readiness_report.yml)."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_common import is_mapping
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import (
    report_from_result,
    report_from_rows,
)


def readiness_report(result, event_name, checked_at=None):
    """The registered result of readiness_info (or a list of readiness_rows rows) + event name -> report."""
    if is_mapping(result):
        if checked_at is not None:
            raise AnsibleFilterError("readiness_report: checked_at is for a list of rows; "
                                     "a readiness_info result carries its own")
        return report_from_result(result, event_name)
    return report_from_rows(result, event_name, checked_at, "readiness_report")


class FilterModule:
    """Readiness report filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_report": readiness_report}
