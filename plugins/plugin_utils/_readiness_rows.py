# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Readiness rows: the documented row of a report, checked and completed from the API registry, and the rows the
pre-v2 readiness_rows filter makes from one info-module result (with the verdict the v2 engine would give)."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS, STATUS_ORDER
from ansible_collections.mediaops.live_jobs.plugins.module_utils._verdicts import TIME_FIELDS, TRANSPORT_CODES

from ._readiness_common import clean, is_list, is_mapping, opt_str, plain

VERDICTS = ("ready", "not_ready", "unchecked")
CAUSES = ("credentials", "deadline", "throttling", "transport", "vendor_error", "task_failed")
# One row of a report (readiness.json), in this order.
ROW_KEYS = (
    "api", "label", "vendor", "vendor_title", "service", "kind", "title", "region", "job_id", "name", "expected",
    "expected_fields", "actual", "provider_status", "verdict", "reasons", "cause", "error_code", "error_message",
    "request_id", "times", "time_labels", "selector",
)
# A row of readiness_rows: the pre-v2 keys first, then the v2 keys it can fill.
LEGACY_ROW_KEYS = (
    "api", "vendor", "service", "kind", "job_id", "name", "expected", "actual", "ok", "provider_status",
    "started_at", "stopped_at", "error_code", "error_message", "request_id",
) + tuple(key for key in ROW_KEYS if key not in (
    "api", "vendor", "service", "kind", "job_id", "name", "expected", "actual", "provider_status", "error_code",
    "error_message", "request_id"))
_STRING_KEYS = ("api", "label", "vendor", "vendor_title", "service", "kind", "title", "region", "job_id", "name",
                "expected", "actual", "provider_status", "cause", "error_code", "error_message", "request_id")
_CREDENTIAL_HINTS = ("signature", "accesskey", "access_key", "forbidden", "unauthorized", "authorization", "authfail",
                     "credential", "token", "permission", "denied")


def api_labels(api):
    """(vendor, vendor title, service, kind, title, time labels) of a registry API, or Nones for an unknown one."""
    descriptor = APIS.get(api) if isinstance(api, str) else None
    if descriptor is None:
        return None, None, None, None, None, {}
    return (descriptor.vendor.name, descriptor.vendor.title, descriptor.service, descriptor.kind, descriptor.title,
            dict(descriptor.time_labels))


def status_key(status):
    """Sort key of a status: the registry's order, then anything else by name."""
    try:
        return (STATUS_ORDER.index(status), "")
    except ValueError:
        return (len(STATUS_ORDER), str(status))


def cause_of_error(code, http_status=None):
    """Why a job of an info-module result could not be read; the v2 engine decides this itself (rows carry `cause`)."""
    text = (code or "").lower()
    if code == "DeadlineExceeded":
        return "deadline"
    if http_status == 429 or "throttl" in text or "toofrequent" in text or "toomany" in text:
        return "throttling"
    if http_status in (401, 403) or any(hint in text for hint in _CREDENTIAL_HINTS):
        return "credentials"
    if code in TRANSPORT_CODES or (code or "").startswith("HTTP"):
        return "transport"
    return "vendor_error" if code else "task_failed"


def legacy_reasons(row, verdict):
    """The reasons the v2 engine words for a verdict, from a pre-v2 row (expected/actual/error)."""
    if verdict == "ready":
        return []
    actual, code = row.get("actual"), row.get("error_code")
    if verdict == "unchecked":
        detail = ": ".join(clean(part) for part in (code, row.get("error_message")) if part not in (None, ""))
        return [f"could not be read: {detail or 'no error detail'}"]
    if actual == "missing" and row.get("expected") != "missing":
        if code:
            return [f"the vendor does not know this job ({clean(code)})"]
        return [clean(row.get("error_message") or "the vendor does not know this job")]
    return [f"status: expected {clean(row.get('expected'))}, got {clean(actual)}"]


def _times(row):
    """{field: time} of a row or job; a pre-v2 row's started_at/stopped_at keys win over its times."""
    times = dict(row.get("times")) if is_mapping(row.get("times")) else {}
    legacy = "ok" in row or not times
    for name in TIME_FIELDS:
        if legacy and name in row:
            times[name] = row[name]
    return {clean(key): opt_str(value) for key, value in times.items() if value not in (None, "")}


def _legacy_verdict(row):
    if row.get("ok"):
        return "ready"
    return "unchecked" if row.get("actual") == "error" else "not_ready"


def normalize_row(row, index, filter_name):
    """A row of a report or of readiness_rows -> a report row with every key of ROW_KEYS (plain, cleaned values)."""
    if not is_mapping(row):
        raise AnsibleFilterError(f"{filter_name}: row {index} is a {type(row).__name__}, expected a dict "
                                 "(a row of mediaops.live_jobs.readiness_report or readiness_rows)")
    if "job_id" not in row:
        raise AnsibleFilterError(f"{filter_name}: row {index} has no job_id")
    verdict = row.get("verdict")
    if verdict is None:
        verdict = _legacy_verdict(row)
    elif verdict not in VERDICTS:
        raise AnsibleFilterError(f"{filter_name}: row {index} has verdict {verdict!r}, not one of {', '.join(VERDICTS)}")
    vendor, vendor_title, service, kind, title, time_labels = api_labels(row.get("api"))
    out = {key: opt_str(row.get(key)) for key in _STRING_KEYS}
    out.update(verdict=str(verdict), vendor=out["vendor"] or vendor, vendor_title=out["vendor_title"] or vendor_title,
               service=out["service"] or service, kind=out["kind"] or kind, title=out["title"] or title)
    out["label"] = out["label"] or ".".join(part for part in (out["vendor"], out["api"]) if part) or "unknown"
    reasons = row.get("reasons")
    out["reasons"] = [clean(reason) for reason in reasons] if is_list(reasons) else legacy_reasons(row, verdict)
    if verdict == "unchecked" and out["cause"] is None:
        out["cause"] = cause_of_error(out["error_code"])
    for key in ("expected_fields", "selector"):
        out[key] = plain(row.get(key)) if is_mapping(row.get(key)) else ({} if key == "expected_fields" else None)
    out["times"] = _times(row)
    labels = row.get("time_labels")
    out["time_labels"] = {clean(k): clean(v) for k, v in labels.items()} if is_mapping(labels) else time_labels
    return {key: out[key] for key in ROW_KEYS}


def normalize_rows(rows, filter_name):
    if not is_list(rows):
        raise AnsibleFilterError(
            f"{filter_name}: expected a list of rows (the output of mediaops.live_jobs.readiness_rows) or a report "
            f"(mediaops.live_jobs.readiness_report), got {type(rows).__name__}")
    return [normalize_row(row, index, filter_name) for index, row in enumerate(rows)]


# ---------------------------------------------------------------------------------------------------------------
# readiness_rows: one info-module result -> rows
# ---------------------------------------------------------------------------------------------------------------

def _result_parts(result):
    jobs = result.get("jobs")
    jobs = [] if jobs is None else jobs
    if not is_list(jobs):
        raise AnsibleFilterError(f"readiness_rows: result.jobs must be a list, got {type(jobs).__name__}")
    by_id = {}
    for index, job in enumerate(jobs):
        if not is_mapping(job):
            raise AnsibleFilterError(f"readiness_rows: result.jobs[{index}] must be a dict, got {type(job).__name__}")
        if job.get("job_id") is not None:
            by_id.setdefault(str(job["job_id"]), job)
    id_sets = []
    for key in ("missing_ids", "failed_ids"):
        value = result.get(key) or []
        if not is_list(value):
            raise AnsibleFilterError(f"readiness_rows: result.{key} must be a list, got {type(value).__name__}")
        id_sets.append({str(item) for item in value})
    errors_in = result.get("errors") or {}
    if not is_mapping(errors_in):
        raise AnsibleFilterError(f"readiness_rows: result.errors must be a dict, got {type(errors_in).__name__}")
    errors = {str(key): (value if is_mapping(value) else {"message": value}) for key, value in errors_in.items()}
    return by_id, id_sets[0], id_sets[1], errors


def _task_error(result):
    """(message, error dict) of a failed or skipped info task, else (None, {})."""
    error = result.get("error") if is_mapping(result.get("error")) else {}
    if result.get("failed"):
        return opt_str(result.get("msg")) or "the info task failed", error
    if result.get("skipped"):
        return opt_str(result.get("skip_reason") or result.get("msg")) or "the info task was skipped", {}
    return None, {}


def _fill_error(row, error, task_msg):
    row["error_code"] = opt_str(error.get("code"))
    row["error_message"] = opt_str(error.get("message"))
    row["request_id"] = opt_str(error.get("request_id"))
    if row["actual"] == "error" and row["error_message"] is None and task_msg:
        row["error_message"] = task_msg
    if row["actual"] == "error":
        row["cause"] = cause_of_error(row["error_code"], error.get("http_status"))


def readiness_rows(result, expected, api, label=None):
    """Registered info-module result + {job_id: expected_status} + api name -> one row per expected job id."""
    if not isinstance(api, str) or api not in APIS:
        raise AnsibleFilterError(f"readiness_rows: api must be one of {', '.join(sorted(APIS))}, got {api!r}")
    if not is_mapping(result):
        raise AnsibleFilterError("readiness_rows: result must be the registered result of an info module (a dict), "
                                 f"got {type(result).__name__}")
    if not is_mapping(expected):
        raise AnsibleFilterError(
            f"readiness_rows: expected must be a dict of job_id: expected_status, got {type(expected).__name__}")
    vendor, vendor_title, service, kind, title, time_labels = api_labels(api)
    by_id, missing_ids, failed_ids, errors = _result_parts(result)
    task_msg, task_error = _task_error(result)
    rows = []
    for raw_id, want in expected.items():
        key, job_id = str(raw_id), clean(raw_id)
        job, error = by_id.get(key), errors.get(key)
        row = dict.fromkeys(LEGACY_ROW_KEYS)
        row.update(api=api, vendor=vendor, service=service, kind=kind, job_id=job_id, expected=opt_str(want),
                   label=opt_str(label) or f"{vendor}.{api}", vendor_title=vendor_title, title=title,
                   expected_fields={}, time_labels=dict(time_labels), region=opt_str(result.get("region")))
        if key in missing_ids or key in failed_ids or error is not None:
            # The module says this id is missing or failed: its verdict wins over any job body.
            row["actual"] = "missing" if key in missing_ids else "error"
            _fill_error(row, error or {}, task_msg)
            row["name"] = opt_str(job.get("name")) if job is not None else None
        elif job is not None:
            row["actual"] = opt_str(job.get("status")) or "unknown"
            for key in ("name", "provider_status", "started_at", "stopped_at", "request_id"):
                row[key] = opt_str(job.get(key))
            row["times"] = _times(job)
        elif task_msg:
            row["actual"] = "error"
            _fill_error(row, dict(task_error, message=task_error.get("message") or task_msg), task_msg)
        else:
            # Neither found nor reported: the module was not asked for this id.
            row["actual"] = "missing"
            row["error_message"] = "job id not in the info module result (was it passed in job_ids?)"
        row["ok"] = row["actual"] == row["expected"]
        row["verdict"] = _legacy_verdict(row)
        row["reasons"] = legacy_reasons(row, row["verdict"])
        row["times"] = row["times"] or _times(row)
        rows.append(row)
    return rows
