# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Verdicts: every expected job (and every selector) of every group becomes one row, ready, not_ready or unchecked.

not_ready: the job was read (or the vendor said it does not exist) and it is not what the event needs.
unchecked: it could not be read (credentials, deadline, transport, an unreadable reply): the cause is not the job.
"""

from __future__ import annotations

from ._list_options import parse_time
from ._messages import examples as example_ids

TRANSPORT_CODES = frozenset({"ConnectTimeout", "ReadTimeout", "ConnectionError", "TLSError", "ProxyError", "TruncatedResponse",
                             "TransportError", "InvalidRequest", "MalformedResponse"})
TIME_FIELDS = ("created_at", "updated_at", "started_at", "stopped_at")


def cause_of(error):
    """Why a job could not be checked, as one word a report groups by."""
    if error.credential:
        return "credentials"
    if error.code == "DeadlineExceeded":
        return "deadline"
    if error.throttled:
        return "throttling"
    if error.code in TRANSPORT_CODES or (error.code or "").startswith("HTTP"):
        return "transport"
    return "vendor_error"


def base_row(group, job_id):
    api = group.api
    return {
        "api": api.name, "label": group.label, "vendor": api.vendor.name, "vendor_title": api.vendor.title, "service": api.service,
        "kind": api.kind, "title": api.title, "region": group.session.scope.region if group.session else None,
        "job_id": job_id, "name": None, "expected": None, "expected_fields": {}, "actual": None, "provider_status": None,
        "verdict": "unchecked", "reasons": [], "cause": None, "error_code": None, "error_message": None, "request_id": None,
        "times": {}, "time_labels": dict(api.time_labels), "selector": None,
    }


def _fill_job(row, job):
    row["actual"] = job.get("status") or "unknown"
    row["name"] = job.get("name")
    row["provider_status"] = job.get("provider_status")
    row["request_id"] = job.get("request_id")
    row["times"] = {name: job.get(name) for name in TIME_FIELDS if job.get(name)}


def _fill_error(row, error, missing):
    row["actual"] = "missing" if missing else "error"
    row["error_code"] = error.code
    row["error_message"] = error.message
    row["request_id"] = error.request_id
    if missing:
        row["verdict"] = "not_ready"
        row["reasons"] = [f"the vendor does not know this job ({error.code})"]
    else:
        row["verdict"] = "unchecked"
        row["cause"] = cause_of(error)
        row["reasons"] = [f"could not be read: {error.code}: {error.message}"]


def _covers(group, job, window):
    start_field, end_field = group.api.schedule
    start, end = parse_time(job.get(start_field), start_field), parse_time(job.get(end_field), end_field)
    if start is None or end is None:
        return "schedule: the job has no scheduled start or end to compare with the event window"
    if start > window[0] or end < window[1]:
        return (f"schedule: {job.get(start_field)} to {job.get(end_field)} does not cover the event window "
                f"{window[0].strftime('%Y-%m-%dT%H:%M:%SZ')} to {window[1].strftime('%Y-%m-%dT%H:%M:%SZ')}")
    return None


def judge(job, expectation, group, window):
    """The reasons a read job is not what the event needs (none: it is ready)."""
    reasons = []
    if expectation.status is not None and job.get("status") != expectation.status:
        reasons.append(f"status: expected {expectation.status}, got {job.get('status')}")
    for name, wanted in expectation.fields.items():
        if job.get(name) != wanted:
            reasons.append(f"{name}: expected {wanted!r}, got {job.get(name)!r}")
    if expectation.covers_window:
        reason = _covers(group, job, window)
        if reason:
            reasons.append(reason)
    return reasons


def expect_rows(result, window):
    group, outcome = result.group, result.outcome
    jobs = {job["job_id"]: job for job in outcome.jobs}
    rows = []
    for job_id, expectation in group.expect.items():
        row = base_row(group, job_id)
        row["expected"] = expectation.status
        row["expected_fields"] = dict(expectation.fields, **({"covers_window": True} if expectation.covers_window else {}))
        error = outcome.missing.get(job_id) or outcome.failures.get(job_id) or result.error
        if job_id in jobs and job_id not in outcome.failures:
            _fill_job(row, jobs[job_id])
            row["reasons"] = judge(jobs[job_id], expectation, group, window)
            row["verdict"] = "not_ready" if row["reasons"] else "ready"
        elif error is not None:
            _fill_error(row, error, job_id in outcome.missing)
        rows.append(row)
    return rows


def selector_rows(result):
    group, outcome, selector = result.group, result.outcome, result.group.selector
    summary = base_row(group, f"select: {selector.text}")
    summary.update(selector={"filters": selector.text, "min_count": selector.min_count, "expect_status": selector.expect_status})
    summary["expected"] = f">= {selector.min_count} jobs"
    if result.error is not None:
        _fill_error(summary, result.error, missing=False)
        return [summary]
    selected = [job for job in outcome.jobs if job["job_id"] not in group.expect]
    rows = []
    for job in selected:
        row = base_row(group, job["job_id"])
        row["selector"] = {"filters": selector.text}
        row["expected"] = selector.expect_status
        _fill_job(row, job)
        if selector.expect_status and job.get("status") != selector.expect_status:
            row["reasons"] = [f"status: expected {selector.expect_status}, got {job.get('status')}"]
        row["verdict"] = "not_ready" if row["reasons"] else "ready"
        rows.append(row)
    summary["actual"] = f"{len(selected)} jobs"
    if len(selected) < selector.min_count:
        summary["verdict"] = "not_ready"
        summary["reasons"] = [f"count: expected at least {selector.min_count} jobs, found {len(selected)}"]
    else:
        summary["verdict"] = "ready"
    return [summary] + rows


def rows_of(results, window=None):
    rows = []
    for result in results:
        if result.group.expect:
            rows.extend(expect_rows(result, window))
        if result.group.selector is not None:
            rows.extend(selector_rows(result))
    return rows


def summarize_rows(rows):
    counts = {"ready": 0, "not_ready": 0, "unchecked": 0}
    for row in rows:
        counts[row["verdict"]] += 1
    return {"total": len(rows), **counts, "ready_event": bool(rows) and counts["ready"] == len(rows)}


CAUSE_TEXT = {
    "credentials": "credentials rejected",
    "deadline": "deadline reached before the job could be read",
    "throttling": "throttled until the deadline",
    "transport": "could not reach the vendor",
    "vendor_error": "the vendor returned an error",
}


def where(vendor, label):
    """'Volcengine (EU account)', or just the label when it already names the vendor (or either one when one is empty)."""
    if not vendor or vendor.lower() in label.lower():
        return label or vendor or "unknown"
    return f"{vendor} ({label})" if label else vendor


def causes(rows, examples=3):
    """Unchecked rows grouped by (vendor, label, cause, code): what to fix first, with counts and a few example ids."""
    groups = {}
    for row in rows:
        if row["verdict"] != "unchecked":
            continue
        key = (row["vendor_title"], row["label"], row["cause"], row["error_code"])
        groups.setdefault(key, []).append(row)
    out = []
    for (vendor, label, cause, code), members in groups.items():
        ids = [row["job_id"] for row in members]
        shown = example_ids(ids, examples)
        noun = "job" if len(ids) == 1 else "jobs"
        out.append({
            "vendor": vendor, "label": label, "cause": cause, "code": code, "count": len(ids), "job_ids": ids,
            "message": members[0]["error_message"],
            "text": f"{where(vendor, label)}: {CAUSE_TEXT.get(cause, cause)} ({code}): {len(ids)} {noun} not checked, e.g. {shown}",
        })
    return out
