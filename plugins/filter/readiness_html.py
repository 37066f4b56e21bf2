# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_html: a report (or rows) as a self-contained HTML page (documentation: readiness_html.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_html import page
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import as_report


def readiness_html(report, event_name=None, checked_at=None):
    """A report -> HTML5 page; rows (the pre-v2 form) need event_name, checked_at defaults to now."""
    return page(as_report(report, event_name, checked_at, "readiness_html"))


class FilterModule:
    """Readiness HTML filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_html": readiness_html}
