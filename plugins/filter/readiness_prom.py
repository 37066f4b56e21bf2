# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_prom: a report as a Prometheus textfile (documentation: readiness_prom.yml)."""

from __future__ import annotations

from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_prom import textfile
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import check_report


def readiness_prom(report):
    """A report -> node_exporter textfile collector content (readiness.prom)."""
    return textfile(check_report(report, "readiness_prom"))


class FilterModule:
    """Readiness Prometheus filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_prom": readiness_prom}
