# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness report (readiness.json): built from a readiness_info result or from rows, checked when read back.

Every output filter (JSON, Prometheus, HTML, JUnit, table, message) reads this one document, so they agree on
every job's verdict. Summary and causes are recomputed from the rows with the engine's own functions.
"""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.module_utils._messages import examples as example_ids
from ansible_collections.mediaops.live_jobs.plugins.module_utils._verdicts import CAUSE_TEXT, causes, summarize_rows, where

from ._readiness_common import (
    check_event_name,
    clean,
    is_list,
    is_mapping,
    one_line,
    opt_str,
    parse_checked_at,
    plain,
    plural,
    seconds,
    utc_z,
)
from ._readiness_rows import VERDICTS, normalize_row, normalize_rows

SCHEMA = "mediaops.live_jobs.readiness/v1"
REPORT_KEYS = ("schema", "event", "checked_at", "ready", "elapsed", "summary", "causes", "groups", "rows")
GROUP_KEYS = ("label", "api", "vendor", "seconds", "api_calls", "jobs", "selector", "error")
CAUSE_WORDS = dict(CAUSE_TEXT, task_failed="the info task failed")
EXAMPLE_IDS = 3


def who(vendor_title, label):
    """How a message names a group: "<vendor title> (<label>)", or the label alone when it names the vendor."""
    return where(clean(vendor_title), clean(label))


def advice(cause, name):
    """What an operator does about an unchecked cause."""
    return {
        "credentials": f"check the access key/secret of {name} (and that the key may read these jobs)",
        "deadline": "raise the group's deadline or check the vendor's latency",
        "throttling": "lower the request rate on this account (rate_limit, other jobs sharing it) or raise the deadline",
        "transport": f"check the network path to {name}: endpoint, proxy, TLS (validate_certs, ca_path)",
        "vendor_error": "read the vendor's message; retry, or give the vendor the request id",
        "task_failed": "read the info task's error message and fix its input",
    }.get(cause, "read the error message")


def cause_text(cause, examples=EXAMPLE_IDS, id_limit=None):
    """'<who>: credentials rejected (<code>): 6 jobs not checked, e.g. a, b, c and 3 more'."""
    ids = [one_line(job_id, id_limit) for job_id in cause["job_ids"]]
    shown = example_ids(ids, examples)
    code = f" ({cause['code']})" if cause["code"] else ""
    return (f"{who(cause['vendor'], cause['label'])}: {CAUSE_WORDS.get(cause['cause'], cause['cause'])}{code}: "
            f"{plural(len(ids), 'job')} not checked, e.g. {shown}")


def cause_groups(rows):
    """Unchecked rows grouped by (vendor, label, cause, code) with counts, example ids, text and advice; the
    biggest group first."""
    out = []
    for group in sorted(causes(rows, examples=EXAMPLE_IDS), key=lambda group: -group["count"]):
        group = plain(group)
        out.append(dict(group, text=cause_text(group), advice=advice(group["cause"], who(group["vendor"], group["label"]))))
    return out


def _group(entry, index):
    if not is_mapping(entry):
        raise AnsibleFilterError(f"readiness_report: groups[{index}] must be a dict, got {type(entry).__name__}")
    out = {key: plain(entry.get(key)) for key in GROUP_KEYS}
    out["label"] = opt_str(entry.get("label")) or f"group #{index + 1}"
    out["seconds"] = seconds(entry.get("seconds"))
    return out


def assemble(event, moment, rows, groups=(), elapsed=None):
    summary = summarize_rows(rows)
    return {
        "schema": SCHEMA, "event": event, "checked_at": utc_z(moment), "ready": summary["ready_event"],
        "elapsed": elapsed, "summary": summary, "causes": cause_groups(rows), "groups": list(groups), "rows": rows,
    }


def report_from_result(result, event_name, filter_name="readiness_report"):
    """A registered readiness_info result -> the report document."""
    event = check_event_name(event_name, filter_name)
    if result.get("failed") or result.get("skipped"):
        why = opt_str(result.get("msg") or result.get("skip_reason")) or "no message"
        raise AnsibleFilterError(f"{filter_name}: the readiness_info task did not run to the end ({why}); "
                                 "there is no report to make")
    if "rows" not in result:
        raise AnsibleFilterError(f"{filter_name}: the result has no rows; pass the registered result of "
                                 "mediaops.live_jobs.readiness_info (or a list of rows from readiness_rows)")
    rows = normalize_rows(result["rows"], filter_name)
    groups = result.get("groups") or []
    if not is_list(groups):
        raise AnsibleFilterError(f"{filter_name}: result.groups must be a list, got {type(groups).__name__}")
    moment = parse_checked_at(result.get("checked_at"), filter_name)
    return assemble(event, moment, rows, [_group(entry, index) for index, entry in enumerate(groups)],
                    seconds(result.get("elapsed")))


def report_from_rows(rows, event_name, checked_at, filter_name):
    """Rows of readiness_rows (several lists concatenated) -> a report without groups or gather times."""
    event = check_event_name(event_name, filter_name)
    moment = parse_checked_at(checked_at, filter_name)
    return assemble(event, moment, normalize_rows(rows, filter_name))


def is_report(value):
    return is_mapping(value) and value.get("schema") == SCHEMA


def check_report(report, filter_name):
    """A report read back (from a fact or readiness.json) -> a clean copy; rows, summary and causes re-derived."""
    if not is_report(report):
        got = report.get("schema") if is_mapping(report) else type(report).__name__
        raise AnsibleFilterError(f"{filter_name}: expected a report from mediaops.live_jobs.readiness_report "
                                 f"(schema {SCHEMA}), got {got!r}")
    rows = report.get("rows")
    if not is_list(rows):
        raise AnsibleFilterError(f"{filter_name}: report.rows must be a list, got {type(rows).__name__}")
    for index, row in enumerate(rows):
        if is_mapping(row) and row.get("verdict") not in VERDICTS:
            raise AnsibleFilterError(f"{filter_name}: report.rows[{index}].verdict must be one of "
                                     f"{', '.join(VERDICTS)}, got {row.get('verdict')!r}")
    rows = [normalize_row(row, index, filter_name) for index, row in enumerate(rows)]
    groups = report.get("groups") or []
    if not is_list(groups):
        raise AnsibleFilterError(f"{filter_name}: report.groups must be a list, got {type(groups).__name__}")
    event = check_event_name(report.get("event"), filter_name)
    moment = parse_checked_at(report.get("checked_at"), filter_name)
    return assemble(event, moment, rows, [_group(entry, index) for index, entry in enumerate(groups)],
                    seconds(report.get("elapsed")))


def as_report(value, event_name, checked_at, filter_name, need_event=True):
    """What an output filter was given -> a report: a report as is (event_name/checked_at override when given),
    a list of rows (the pre-v2 form: event_name required when need_event) or a registered readiness_info result."""
    if event_name is None and not need_event and not is_report(value):
        event_name = ""
    if is_report(value):
        report = check_report(value, filter_name)
        if event_name is not None:
            report["event"] = check_event_name(event_name, filter_name)
        if checked_at is not None:
            report["checked_at"] = utc_z(parse_checked_at(checked_at, filter_name))
        return report
    if is_mapping(value) and "rows" in value and "schema" not in value:
        return report_from_result(value, event_name, filter_name)
    return report_from_rows(value, event_name, checked_at, filter_name)


def ordered_rows(rows):
    """Not-ready rows first, then unchecked, then ready; grouped by vendor and label; input order kept inside."""
    rank = {verdict: index for index, verdict in enumerate(("not_ready", "unchecked", "ready"))}
    indexed = sorted(enumerate(rows), key=lambda item: (
        rank[item[1]["verdict"]], item[1]["vendor"] or "", item[1]["label"] or "", item[0]))
    return [row for _index, row in indexed]


def group_seconds(report):
    """label -> seconds the group's gather took (None when unknown); several groups of one label add up."""
    out = {}
    for group in report["groups"]:
        if group["seconds"] is not None:
            out[group["label"]] = (out.get(group["label"]) or 0.0) + group["seconds"]
    return out
