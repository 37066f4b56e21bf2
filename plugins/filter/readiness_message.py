# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_message: the failure message of a report (documentation: readiness_message.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import check_report
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_text import message


def readiness_message(report):
    """A report -> the verdict, the causes grouped, then the not-ready jobs grouped by kind (at most ~1,500 chars)."""
    return message(check_report(report, "readiness_message"))


class FilterModule:
    """Readiness message filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_message": readiness_message}
