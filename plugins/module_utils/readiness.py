# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""ReadinessModule: readiness_info's argspec and run; every group checked before any request, then read at once."""

from __future__ import annotations

import time

from ._errors import OptionError
from ._groups import label_groups, open_groups, parse_group, read_groups
from ._list_options import parse_time
from ._registry import APIS
from ._session import utc_now
from ._verdicts import causes, rows_of, summarize_rows
from .module import fail_on_option, open_module

TRANSPORT_SPEC = dict(
    region=dict(type="str"), endpoint=dict(type="str"), signature_version=dict(type="str", choices=["v3", "v1"]),
    rate_limit=dict(type="float"), timeout=dict(type="float"), retries=dict(type="int"), deadline=dict(type="float"),
    validate_certs=dict(type="bool"), ca_path=dict(type="path"), max_concurrency=dict(type="int"),
)
GROUP_SPEC = dict(
    TRANSPORT_SPEC,
    api=dict(type="str", required=True, choices=list(APIS)),
    label=dict(type="str"), expect=dict(type="dict"), select=dict(type="dict"),
    cluster_id=dict(type="str"), app_id=dict(type="str"), project_id=dict(type="str"),
    access_key=dict(type="str", no_log=False), secret_key=dict(type="str", no_log=True),
    security_token=dict(type="str", no_log=True), auth_token=dict(type="str", no_log=True),
)
ARGUMENT_SPEC = dict(
    checks=dict(type="list", elements="dict", required=True, options=GROUP_SPEC),
    defaults=dict(type="dict", default={}, options=TRANSPORT_SPEC),
    endpoint=dict(type="str"),
    window=dict(type="dict", options=dict(start=dict(type="str", required=True), end=dict(type="str", required=True))),
)


def parse_window(window):
    if not window:
        return None
    start, end = parse_time(window["start"], "window.start"), parse_time(window["end"], "window.end")
    if start is None or end is None or start > end:
        raise OptionError("window", "needs start and end (ISO 8601), start not after end")
    return start, end


class ReadinessModule:
    def __init__(self):
        self.module = open_module(ARGUMENT_SPEC)

    def run(self):
        try:
            self.module.exit_json(**self.check())
        except OptionError as error:
            fail_on_option(self.module, error)

    def check(self):
        params = self.module.params
        started, checked_at = time.monotonic(), utc_now()
        window = parse_window(params["window"])
        defaults = {key: value for key, value in (params["defaults"] or {}).items() if value is not None}
        groups = [parse_group(index, check, APIS, defaults, params["endpoint"], window) for index, check in enumerate(params["checks"])]
        if not groups:
            raise OptionError("checks", "lists no group: add at least one {api, expect or select}")
        open_groups(label_groups(groups))
        for group in groups:
            self.module.no_log_values.update(group.session.credentials.secrets())
        results = read_groups(groups)
        rows = rows_of(results, window)
        for result in results:
            for warning in result.group.session.warnings + result.outcome.warnings:
                self.module.warn(f"{result.group.label}: {warning}")
        return dict(
            changed=False, rows=rows, summary=summarize_rows(rows), causes=causes(rows),
            groups=[group_report(result) for result in results],
            checked_at=checked_at.strftime("%Y-%m-%dT%H:%M:%SZ"), elapsed=round(time.monotonic() - started, 3),
        )


def group_report(result):
    group = result.group
    return {
        "label": group.label, "api": group.api.name, "vendor": group.api.vendor.name, "seconds": round(result.seconds, 3),
        "api_calls": result.stats, "jobs": len(group.expect), "selector": group.selector.text if group.selector else None,
        "error": result.error.to_dict() if result.error else None,
    }
