# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_rows: one info-module result -> readiness rows with verdicts (documentation: readiness_rows.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_rows import readiness_rows


class FilterModule:
    """Readiness rows filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_rows": readiness_rows}
