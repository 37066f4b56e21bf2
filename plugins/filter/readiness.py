# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Readiness reports: info-module results -> rows -> text table, summary, HTML page and JUnit XML.

Pure standard library; every value that comes from a vendor (job names are user-controlled) is escaped in the HTML
(html.escape with quote=True) and serialized by ElementTree in the JUnit XML, after characters that XML 1.0 forbids
are stripped.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from ansible.errors import AnsibleFilterError

# api -> (vendor, service, kind); mirrors plugins/module_utils/_apis.py (kept here so the filter stays stdlib-only).
API_LABELS = {
    "ice_record": ("alibaba", "ice", "record"),
    "ice_snapshot": ("alibaba", "ice", "snapshot"),
    "live_edge_transcode": ("alibaba", "live", "edge_transcode"),
    "volc_pull_record": ("volcengine", "live", "pull_record"),
    "huawei_record": ("huawei", "rtc", "record"),
}

ROW_KEYS = (
    "api", "vendor", "service", "kind", "job_id", "name", "expected", "actual", "ok", "provider_status",
    "started_at", "stopped_at", "error_code", "error_message", "request_id",
)

# Normalized statuses first (module_utils/_normalize.py STATUSES), then the two the report adds.
STATUS_ORDER = ("pending", "running", "paused", "stopped", "finished", "unknown", "missing", "error")

# XML 1.0 Char production: everything else (C0 controls except TAB/LF/CR, surrogates, U+FFFE/U+FFFF) is illegal.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# For one-line output (text table cells) every control character goes.
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_FRACTION_RE = re.compile(r"[.,](\d+)(?=$|[+-]\d)")
_OFFSET_RE = re.compile(r"(?<=\d)([+-])(\d\d)(\d\d)$")


# ---------------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------------

def _is_mapping(value):
    return isinstance(value, Mapping)


def _is_list(value):
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def _clean(value):
    """Any value -> str without characters illegal in XML 1.0 (None -> "")."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return _XML_ILLEGAL_RE.sub("", str(value))


def _opt_str(value):
    """Vendor value for a row: None stays None, anything else becomes a str."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _esc(value):
    """Escape for HTML text and (double- or single-quoted) attribute values."""
    return html.escape(_clean(value), quote=True)


def _one_line(value):
    return _CONTROL_RE.sub(" ", _clean(value))


def _check_rows(rows, filter_name):
    if not _is_list(rows):
        raise AnsibleFilterError(
            f"{filter_name}: expected a list of rows (the output of mediaops.live_jobs.readiness_rows), "
            f"got {type(rows).__name__}")
    out = []
    for index, row in enumerate(rows):
        if not _is_mapping(row):
            raise AnsibleFilterError(
                f"{filter_name}: row {index} is a {type(row).__name__}, expected a dict "
                "(the output of mediaops.live_jobs.readiness_rows)")
        if "job_id" not in row:
            raise AnsibleFilterError(f"{filter_name}: row {index} has no job_id")
        out.append(row)
    return out


def _row_ok(row):
    return bool(row.get("ok"))


def _vendor_of(row):
    if row.get("vendor"):
        return str(row["vendor"])
    return API_LABELS.get(row.get("api"), ("unknown",))[0]


def _report_order(rows):
    """Not-ready rows first, then grouped by vendor and api; input order kept inside each group."""
    indexed = list(enumerate(rows))
    indexed.sort(key=lambda item: (_row_ok(item[1]), _vendor_of(item[1]), str(item[1].get("api") or ""), item[0]))
    return [row for _index, row in indexed]


def _status_key(status):
    try:
        return (STATUS_ORDER.index(status), "")
    except ValueError:
        return (len(STATUS_ORDER), str(status))


def _check_event_name(event_name, filter_name):
    if event_name is None or _is_mapping(event_name) or _is_list(event_name):
        raise AnsibleFilterError(f"{filter_name}: event_name must be a string, got {type(event_name).__name__}")
    return str(event_name)


def _checked_at(value, filter_name):
    """checked_at (ISO 8601 string, datetime, epoch seconds or None for now) -> aware UTC datetime (whole seconds)."""
    if value is None or value == "":
        moment = datetime.now(timezone.utc)
    elif isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value, timezone.utc)
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        # Python 3.10's fromisoformat() takes only 3 or 6 fraction digits and +HH:MM offsets.
        text = _FRACTION_RE.sub(lambda m: "." + (m.group(1) + "000000")[:6], text)
        text = _OFFSET_RE.sub(r"\1\2:\3", text)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise AnsibleFilterError(
                f"{filter_name}: checked_at {value!r} is not an ISO 8601 time such as 2026-03-01T18:00:00Z") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
    else:
        raise AnsibleFilterError(
            f"{filter_name}: checked_at must be an ISO 8601 string, a datetime or epoch seconds, "
            f"got {type(value).__name__}")
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def _utc_z(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------------------------
# readiness_rows
# ---------------------------------------------------------------------------------------------------------------

def readiness_rows(result, expected, api):
    """Registered info-module result + {job_id: expected_status} + api name -> one row per expected job id."""
    if not isinstance(api, str) or api not in API_LABELS:
        raise AnsibleFilterError(
            f"readiness_rows: api must be one of {', '.join(sorted(API_LABELS))}, got {api!r}")
    if not _is_mapping(result):
        raise AnsibleFilterError(
            f"readiness_rows: result must be the registered result of an info module (a dict), "
            f"got {type(result).__name__}")
    if not _is_mapping(expected):
        raise AnsibleFilterError(
            f"readiness_rows: expected must be a dict of job_id: expected_status, got {type(expected).__name__}")
    vendor, service, kind = API_LABELS[api]

    jobs = result.get("jobs")
    if jobs is None:
        jobs = []
    if not _is_list(jobs):
        raise AnsibleFilterError(f"readiness_rows: result.jobs must be a list, got {type(jobs).__name__}")
    by_id = {}
    for index, job in enumerate(jobs):
        if not _is_mapping(job):
            raise AnsibleFilterError(f"readiness_rows: result.jobs[{index}] must be a dict, got {type(job).__name__}")
        if job.get("job_id") is not None:
            by_id.setdefault(str(job["job_id"]), job)

    def id_set(key):
        value = result.get(key) or []
        if not _is_list(value):
            raise AnsibleFilterError(f"readiness_rows: result.{key} must be a list, got {type(value).__name__}")
        return {str(item) for item in value}

    missing_ids = id_set("missing_ids")
    failed_ids = id_set("failed_ids")
    errors_in = result.get("errors") or {}
    if not _is_mapping(errors_in):
        raise AnsibleFilterError(f"readiness_rows: result.errors must be a dict, got {type(errors_in).__name__}")
    errors = {str(key): (value if _is_mapping(value) else {"message": value}) for key, value in errors_in.items()}

    task_failed = bool(result.get("failed")) or bool(result.get("skipped"))
    if result.get("failed"):
        task_msg = _opt_str(result.get("msg")) or "the info task failed"
    elif result.get("skipped"):
        task_msg = _opt_str(result.get("skip_reason") or result.get("msg")) or "the info task was skipped"
    else:
        task_msg = None

    rows = []
    for raw_id, want in expected.items():
        job_id = str(raw_id)
        want = _opt_str(want)
        job = by_id.get(job_id)
        error = errors.get(job_id)
        row = {
            "api": api, "vendor": vendor, "service": service, "kind": kind, "job_id": job_id, "name": None,
            "expected": want, "actual": None, "ok": False, "provider_status": None, "started_at": None,
            "stopped_at": None, "error_code": None, "error_message": None, "request_id": None,
        }
        if job_id in missing_ids or job_id in failed_ids or error is not None:
            # The module says this id is missing or failed: its verdict wins over any job body.
            row["actual"] = "missing" if job_id in missing_ids else "error"
            error = error or {}
            row["error_code"] = _opt_str(error.get("code"))
            row["error_message"] = _opt_str(error.get("message"))
            row["request_id"] = _opt_str(error.get("request_id"))
            if row["actual"] == "error" and row["error_message"] is None and task_msg:
                row["error_message"] = task_msg
            if job is not None:
                row["name"] = _opt_str(job.get("name"))
        elif job is not None:
            row["actual"] = _opt_str(job.get("status")) or "unknown"
            for key in ("name", "provider_status", "started_at", "stopped_at", "request_id"):
                row[key] = _opt_str(job.get(key))
        elif task_failed:
            row["actual"] = "error"
            row["error_message"] = task_msg
        else:
            # Neither found nor reported: the module was not asked for this id.
            row["actual"] = "missing"
            row["error_message"] = "job id not in the info module result (was it passed in job_ids?)"
        row["ok"] = row["actual"] == want
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# readiness_summary / readiness_table
# ---------------------------------------------------------------------------------------------------------------

def readiness_summary(rows):
    """Rows -> {ready, total, ok, not_ready, by_status, not_ready_ids}. No rows at all is not ready."""
    rows = _check_rows(rows, "readiness_summary")
    counts = {}
    for row in rows:
        status = str(row.get("actual") or "unknown")
        counts[status] = counts.get(status, 0) + 1
    not_ready_ids = [str(row["job_id"]) for row in rows if not _row_ok(row)]
    total = len(rows)
    return {
        "ready": total > 0 and not not_ready_ids,
        "total": total,
        "ok": total - len(not_ready_ids),
        "not_ready": len(not_ready_ids),
        "by_status": {status: counts[status] for status in sorted(counts, key=_status_key)},
        "not_ready_ids": not_ready_ids,
    }


def readiness_table(rows):
    """Rows -> fixed-width text table (job, vendor, kind, expected, actual, ok), not-ready rows first."""
    rows = _check_rows(rows, "readiness_table")
    header = ("job", "vendor", "kind", "expected", "actual", "ok")
    lines = [header]
    for row in _report_order(rows):
        lines.append((
            _one_line(row.get("job_id")), _one_line(_vendor_of(row)), _one_line(row.get("kind")),
            _one_line(row.get("expected")), _one_line(row.get("actual")),
            "ok" if _row_ok(row) else "NOT READY",
        ))
    widths = [max(len(line[col]) for line in lines) for col in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------------
# readiness_html
# ---------------------------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
       margin: 1.5rem; color: #1f2328; background: #fff; font-size: 14px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem 0; }
.meta { color: #57606a; margin: 0 0 1rem 0; }
.summary { font-size: 1.1rem; padding: .6rem .9rem; border-radius: 6px; margin-bottom: 1rem; border: 2px solid; }
.summary.ready { background: #dafbe1; border-color: #1a7f37; color: #0f5323; }
.summary.not-ready { background: #ffebe9; border-color: #cf222e; color: #82071e; }
.summary .verdict { font-weight: 700; letter-spacing: .04em; margin-right: .6rem; }
.summary .counts { margin-top: .3rem; font-size: .95rem; }
.summary .counts span { display: inline-block; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; cursor: pointer; user-select: none; position: sticky; top: 0; }
th:focus { outline: 2px solid #0969da; }
th[aria-sort="ascending"]::after { content: " \\25B2"; }
th[aria-sort="descending"]::after { content: " \\25BC"; }
td.job-id, td.time, td.err code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
                                  font-size: .9em; }
td.name, td.err-msg { overflow-wrap: anywhere; min-width: 8rem; max-width: 24rem; }
td.job-id { overflow-wrap: anywhere; min-width: 7rem; }
.table-wrap { overflow-x: auto; }
td.time { white-space: nowrap; }
tr.ready td.marker { color: #1a7f37; font-weight: 600; }
tr.not-ready { background: #fff1f0; }
tr.not-ready td.marker { background: #cf222e; color: #fff; font-weight: 700; white-space: nowrap; }
tr.not-ready td.actual { color: #a40e26; font-weight: 700; }
tr.vendor-start td { border-top: 2px solid #8c959f; }
.sub { color: #57606a; font-size: .85em; display: block; }
td.empty { text-align: center; color: #57606a; font-style: italic; padding: 1.2rem; }
.hint { color: #57606a; font-size: .85rem; margin-top: .6rem; }
@media print { th { position: static; } .hint { display: none; } }
"""

_JS = """
(function () {
  "use strict";
  var table = document.getElementById("jobs");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var tbody = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    var sortKey = cell.getAttribute("data-sort");
    return sortKey !== null ? sortKey : cell.textContent.trim();
  }
  function sortBy(th, col) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr[data-job-id]"));
    var position = new Map();
    rows.forEach(function (row, i) { position.set(row, i); row.classList.remove("vendor-start"); });
    rows.sort(function (a, b) {
      var c = key(a, col).localeCompare(key(b, col), undefined, { numeric: true, sensitivity: "base" });
      return c !== 0 ? c * dir : position.get(a) - position.get(b);
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
  }
  heads.forEach(function (th, col) {
    th.tabIndex = 0;
    th.title = "Sort by " + th.textContent.trim();
    th.addEventListener("click", function () { sortBy(th, col); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(th, col); }
    });
  });
  table.setAttribute("data-sortable", "true");
})();
"""

# (header, css class of the cell)
_COLUMNS = (
    ("OK", "marker"), ("Vendor", "vendor"), ("Kind", "kind"), ("Job ID", "job-id"), ("Name", "name"),
    ("Expected", "expected"), ("Actual", "actual"), ("Started (UTC)", "time"), ("Stopped (UTC)", "time"),
    ("Error code", "err"), ("Error message", "err-msg"),
)


def _csp_hash(source):
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _counts_html(summary):
    parts = [f'<span data-status="{_esc(status)}">{_esc(status)}: {count}</span>'
             for status, count in summary["by_status"].items()]
    return ", ".join(parts)


def _row_html(row, vendor_start):
    ok = _row_ok(row)
    classes = ["job", "ready" if ok else "not-ready"]
    if vendor_start:
        classes.append("vendor-start")
    provider_status = row.get("provider_status")
    actual = _esc(row.get("actual"))
    if provider_status not in (None, "") and str(provider_status) != str(row.get("actual")):
        actual += f' <span class="sub" title="vendor status">{_esc(provider_status)}</span>'
    request_id = row.get("request_id")
    message = _esc(row.get("error_message"))
    if request_id not in (None, "") and not ok:
        message += f' <span class="sub">request id {_esc(request_id)}</span>'
    code = row.get("error_code")
    cells = (
        f'<td class="marker" data-sort="{0 if not ok else 1}">{"ok" if ok else "NOT READY"}</td>',
        f'<td class="vendor">{_esc(_vendor_of(row))} <span class="sub">{_esc(row.get("service"))}</span></td>',
        f'<td class="kind" title="{_esc(row.get("api"))}">{_esc(row.get("kind"))}</td>',
        f'<td class="job-id">{_esc(row.get("job_id"))}</td>',
        f'<td class="name">{_esc(row.get("name"))}</td>',
        f'<td class="expected">{_esc(row.get("expected"))}</td>',
        f'<td class="actual">{actual}</td>',
        f'<td class="time started">{_esc(row.get("started_at"))}</td>',
        f'<td class="time stopped">{_esc(row.get("stopped_at"))}</td>',
        f'<td class="err">{f"<code>{_esc(code)}</code>" if code not in (None, "") else ""}</td>',
        f'<td class="err-msg">{message}</td>',
    )
    return (f'<tr class="{" ".join(classes)}" data-job-id="{_esc(row.get("job_id"))}" '
            f'data-ok="{"true" if ok else "false"}" data-vendor="{_esc(_vendor_of(row))}" '
            f'data-api="{_esc(row.get("api"))}" data-actual="{_esc(row.get("actual"))}">'
            + "".join(cells) + "</tr>")


def readiness_html(rows, event_name, checked_at=None):
    """Rows -> self-contained HTML5 readiness page (inline CSS and JS, no external assets)."""
    rows = _check_rows(rows, "readiness_html")
    event = _check_event_name(event_name, "readiness_html")
    moment = _utc_z(_checked_at(checked_at, "readiness_html"))
    summary = readiness_summary(rows)
    ready = summary["ready"]
    verdict = "READY" if ready else "NOT READY"
    if summary["total"] == 0:
        detail = "no jobs were checked"
    elif ready:
        detail = "the job is in its expected status" if summary["total"] == 1 else \
            f"all {summary['total']} jobs are in their expected status"
    else:
        detail = f"{summary['not_ready']} of {summary['total']} " + \
            ("job is" if summary["total"] == 1 else "jobs are") + " not in their expected status"

    body_rows = []
    previous = None
    for row in _report_order(rows):
        group = (_row_ok(row), _vendor_of(row))
        body_rows.append(_row_html(row, vendor_start=previous is not None and group != previous))
        previous = group
    if not body_rows:
        body_rows.append(f'<tr class="empty"><td class="empty" colspan="{len(_COLUMNS)}">No jobs were checked.</td></tr>')
    head = "".join(f'<th scope="col" class="{css}">{_esc(title)}</th>' for title, css in _COLUMNS)
    csp = f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}"
    state = "ready" if ready else "not-ready"

    return "\n".join((
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="mediaops.live_jobs.readiness_html">',
        f"<title>{_esc(verdict)}: {_esc(event)} readiness</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<header>',
        f'<h1>Readiness: <span id="event-name">{_esc(event)}</span></h1>',
        f'<p class="meta">Checked at <time id="checked-at" datetime="{_esc(moment)}">{_esc(moment)}</time> (UTC)</p>',
        f'<div id="summary" class="summary {state}" data-ready="{"true" if ready else "false"}" '
        f'data-total="{summary["total"]}" data-not-ready="{summary["not_ready"]}">'
        f'<span class="verdict">{verdict}</span> \u2014 <span class="detail">{_esc(detail)}</span>'
        f'<div class="counts">{_counts_html(summary)}</div></div>',
        "</header>",
        "<main>",
        '<div class="table-wrap">',
        '<table id="jobs">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *body_rows,
        "</tbody>",
        "</table>",
        "</div>",
        '<p class="hint">Not-ready rows first, then grouped by vendor. Click a column header to sort.</p>',
        "</main>",
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
        "",
    ))


# ---------------------------------------------------------------------------------------------------------------
# readiness_junit
# ---------------------------------------------------------------------------------------------------------------

def _attr(value):
    return _clean(value)


def _failure_detail(row):
    lines = []
    for key in ("api", "job_id", "name", "expected", "actual", "provider_status", "started_at", "stopped_at", "error_code", "error_message", "request_id"):
        if row.get(key) not in (None, ""):
            lines.append(f"{key}: {_clean(row.get(key))}")
    return "\n".join(lines)


def readiness_junit(rows, event_name, checked_at=None):
    """Rows -> JUnit XML: one testsuite per api, one testcase per job id, failure/error for every not-ready job."""
    rows = _check_rows(rows, "readiness_junit")
    event = _check_event_name(event_name, "readiness_junit")
    moment = _checked_at(checked_at, "readiness_junit")
    # The common JUnit schema's timestamp is a local date-time without zone; it is UTC here.
    timestamp = moment.strftime("%Y-%m-%dT%H:%M:%S")

    suites = {}
    for row in rows:
        suites.setdefault(str(row.get("api") or "unknown"), []).append(row)

    root = ET.Element("testsuites")
    root.set("name", _attr(event))
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite_id, (api, suite_rows) in enumerate(suites.items()):
        failures = errors = 0
        suite = ET.SubElement(root, "testsuite")
        suite.set("name", _attr(f"{_vendor_of(suite_rows[0])}.{api}"))
        suite.set("id", str(suite_id))
        props = ET.SubElement(suite, "properties")
        for name, value in (("event", event), ("checked_at", _utc_z(moment)), ("api", api)):
            prop = ET.SubElement(props, "property")
            prop.set("name", name)
            prop.set("value", _attr(value))
        for row in suite_rows:
            case = ET.SubElement(suite, "testcase")
            case.set("classname", _attr(f"mediaops.live_jobs.{api}"))
            case.set("name", _attr(row.get("job_id")))
            case.set("time", "0")
            if _row_ok(row):
                continue
            actual = str(row.get("actual") or "")
            code = row.get("error_code")
            if actual == "error":
                errors += 1
                node = ET.SubElement(case, "error")
                node.set("type", _attr(code) if code not in (None, "") else "Error")
                message = row.get("error_message") or "the info module failed for this job"
                node.set("message", _attr(f"{message} ({code})" if code not in (None, "") else message))
            elif actual == "missing":
                failures += 1
                node = ET.SubElement(case, "failure")
                node.set("type", "Missing")
                node.set("message", _attr(f"job not found ({code})" if code not in (None, "") else "job not found"))
            else:
                failures += 1
                node = ET.SubElement(case, "failure")
                node.set("type", "NotReady")
                node.set("message", _attr(f"expected {row.get('expected')}, got {actual}"))
            node.text = _failure_detail(row)
        suite.set("tests", str(len(suite_rows)))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        suite.set("time", "0")
        suite.set("timestamp", timestamp)
        totals["tests"] += len(suite_rows)
        totals["failures"] += failures
        totals["errors"] += errors
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


class FilterModule:
    """Readiness report filters of mediaops.live_jobs."""

    def filters(self):
        return {
            "readiness_rows": readiness_rows,
            "readiness_table": readiness_table,
            "readiness_summary": readiness_summary,
            "readiness_html": readiness_html,
            "readiness_junit": readiness_junit,
        }
