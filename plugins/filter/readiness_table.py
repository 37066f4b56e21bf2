# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_table: causes, then a console table of a report or of rows (documentation: readiness_table.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import as_report
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_text import table_lines


def readiness_table(report):
    """A report (or rows) -> cause lines, then a fixed-width table: not ready, unchecked, ready."""
    return "\n".join(table_lines(as_report(report, None, None, "readiness_table", need_event=False)))


class FilterModule:
    """Readiness table filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_table": readiness_table}
