# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness report as one self-contained HTML page an operator reads at a desk or on a phone.

Top to bottom: the verdict banner (counts of problems), the causes box (what could not be checked and what to do),
the jobs (not ready, then unchecked, then ready), a legend. Every value from a report is escaped with
html.escape(quote=True) after characters illegal in XML 1.0 are dropped; the only script and style are the page's
own, allowed by hash in its Content-Security-Policy.
"""

from __future__ import annotations

import html
import re

from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import STATUS_ORDER

from ._readiness_common import clean, one_line, plural
from ._readiness_html_assets import CSP, CSS, JS
from ._readiness_report import CAUSE_WORDS, advice, ordered_rows
from ._readiness_text import MARKERS

# (header, css class of the cells, css class of the column)
COLUMNS = (
    ("Verdict", "marker", "c-marker"), ("Group", "group", "c-group"), ("Job ID", "job-id", "c-job"),
    ("Name", "name", "c-name"), ("Expected", "expected", "c-expected"), ("Actual", "actual", "c-actual"),
    ("Reasons / error", "reasons", "c-reasons"), ("Times (UTC)", "times", "c-times"), ("Request ID", "req", "c-req"),
)
SECTIONS = (
    ("not_ready", "Not ready", "read, and wrong or missing: fix the job"),
    ("unchecked", "Unchecked", "could not be read: fix the cause above, then check again"),
    ("ready", "Ready", "read, and as the event needs"),
)
STATUS_TEXT = {
    "pending": "created, not started yet", "running": "running", "paused": "paused by someone or something",
    "stopped": "stopped before its end", "finished": "ran to its end", "unknown": "a vendor status with no mapping",
    "missing": "the vendor does not know the job id", "error": "the job could not be read",
}
_SORT = {"not_ready": 0, "unchecked": 1, "ready": 2}
_ZERO_FRACTION_RE = re.compile(r"\.0+Z$")


def esc(value):
    """Escape for HTML text and (double- or single-quoted) attribute values."""
    return html.escape(clean(value), quote=True)


def _sub(text):
    return f'<span class="sub">{esc(text)}</span>' if text not in (None, "") else ""


def _time_label(row, field):
    return row["time_labels"].get(field) or field.replace("_at", "").replace("_", " ").capitalize()


def _times_html(row):
    parts = []
    for field, value in row["times"].items():
        shown = esc(_ZERO_FRACTION_RE.sub("Z", value)).replace("T", "T<wbr>", 1)
        parts.append(f'<span class="t" data-field="{esc(field)}"><span class="tl">{esc(_time_label(row, field))}</span>'
                     f'<time datetime="{esc(value)}">{shown}</time></span>')
    return "".join(parts)


def _reasons_html(row):
    if row["verdict"] == "unchecked":
        code = f'<code class="err-code">{esc(row["error_code"])}</code> ' if row["error_code"] else ""
        cause = CAUSE_WORDS.get(row["cause"], row["cause"] or "")
        return f'{_sub(cause)}{code}<span class="err-msg">{esc(row["error_message"] or "; ".join(row["reasons"]))}</span>'
    items = "".join(f"<li>{esc(reason)}</li>" for reason in row["reasons"])
    out = f'<ul class="reasons">{items}</ul>' if items else ""
    if row["error_code"]:
        out += f'<code class="err-code">{esc(row["error_code"])}</code> '
    message = row["error_message"]
    if message and not any(message in reason for reason in row["reasons"]):
        out += f'<span class="err-msg">{esc(message)}</span>'
    return out


def _expected_html(row):
    out = esc(row["expected"])
    for field, value in row["expected_fields"].items():
        out += _sub("covers the event window" if field == "covers_window" else f"{field} = {value}")
    return out


def _group_html(row):
    detail = " \u00b7 ".join(clean(part) for part in (row["vendor_title"] or row["vendor"], row["kind"], row["region"]) if part)
    return f"{esc(row['label'])}{_sub(detail)}"


def _actual_html(row):
    out = esc(row["actual"])
    if row["provider_status"] not in (None, "") and row["provider_status"] != row["actual"]:
        out += f'<span class="sub" title="vendor status">{esc(row["provider_status"])}</span>'
    if row["selector"] and row["selector"].get("filters") and row["job_id"] != f"select: {row['selector']['filters']}":
        out += _sub(f"selected by {row['selector']['filters']}")
    return out


def row_html(row):
    verdict = row["verdict"]
    cells = (
        (MARKERS[verdict], {"data-sort": _SORT[verdict]}), (_group_html(row), {"title": row["api"]}),
        (esc(row["job_id"]), {}), (esc(row["name"]), {}), (_expected_html(row), {}), (_actual_html(row), {}),
        (_reasons_html(row), {}), (_times_html(row), {}), (esc(row["request_id"]), {}),
    )
    tds = []
    for (content, attrs), (title, css, _col) in zip(cells, COLUMNS):
        extra = "".join(f' {name}="{esc(value)}"' for name, value in attrs.items())
        tds.append(f'<td class="{css}" data-label="{esc(title)}"{extra}>{content}</td>')
    attrs = {"data-job-id": row["job_id"], "data-verdict": verdict, "data-ok": "true" if verdict == "ready" else "false",
             "data-vendor": row["vendor"], "data-api": row["api"], "data-label": row["label"], "data-actual": row["actual"]}
    attr_text = "".join(f' {name}="{esc(value)}"' for name, value in attrs.items())
    return f'<tr class="job {verdict.replace("_", "-")}"{attr_text}>' + "".join(tds) + "</tr>"


def _causes_html(report):
    if not report["causes"]:
        return ""
    items = []
    for cause in report["causes"]:
        # the whole message is in each of the cause's rows; here a glance is enough
        message = f'<p class="cause-msg">Vendor message: {esc(one_line(cause["message"], 160))}</p>' if cause.get("message") else ""
        items.append(f'<li class="cause" data-cause="{esc(cause["cause"])}" data-count="{esc(cause["count"])}">'
                     f'<p class="cause-text">{esc(cause["text"])}</p>{message}'
                     f'<p class="todo">What to do: {esc(cause["advice"])}</p></li>')
    title = f"Could not check {plural(report['summary']['unchecked'], 'job')} \u2014 fix these first"
    return (f'<section id="causes" class="causes" aria-labelledby="causes-title"><h2 id="causes-title">{esc(title)}</h2>'
            f'<ul>{"".join(items)}</ul></section>')


def _banner(report):
    summary = report["summary"]
    if report["ready"]:
        state = "ready"
        detail = esc("the job is ready" if summary["total"] == 1 else f"all {summary['total']} checks are ready")
    elif summary["total"] == 0:
        state, detail = "not-ready", esc("no jobs were checked")
    else:
        state = "not-ready" if summary["not_ready"] else "unchecked"
        keys = [key for key in ("not_ready", "unchecked") if summary[key]] + ["ready"]
        detail = ", ".join(f'<span class="count" data-verdict="{key}">{summary[key]} {key.replace("_", " ")}</span>'
                           for key in keys) + esc(f" ({plural(summary['total'], 'check')})")
    verdict = "READY" if report["ready"] else "NOT READY"
    counts = " ".join(f'data-count-{key.replace("_", "-")}="{summary[key]}"' for key in ("ready", "not_ready", "unchecked"))
    return (f'<div id="summary" class="summary {state}" data-ready="{"true" if report["ready"] else "false"}" '
            f'data-total="{summary["total"]}" {counts}>'
            f'<span class="verdict">{verdict}</span> \u2014 <span class="detail">{detail}</span></div>')


def _body_html(report):
    by_verdict = {}
    for row in ordered_rows(report["rows"]):
        by_verdict.setdefault(row["verdict"], []).append(row)
    bodies = []
    for verdict, title, meaning in SECTIONS:
        rows = by_verdict.get(verdict)
        if rows:
            head = (f'<tr class="section"><th colspan="{len(COLUMNS)}" scope="rowgroup">{esc(title)} ({len(rows)}): '
                    f"{esc(meaning)}</th></tr>")
            bodies.append(f'<tbody data-verdict="{verdict}">{head}' + "".join(row_html(row) for row in rows) + "</tbody>")
    if not bodies:
        bodies.append(f'<tbody><tr class="empty"><td class="empty" colspan="{len(COLUMNS)}">No jobs were checked.</td></tr>'
                      "</tbody>")
    return bodies


def _legend_html():
    verdicts = "".join(f"<dt>{esc(MARKERS[verdict])}</dt><dd>{esc(meaning)}</dd>" for verdict, _t, meaning in SECTIONS)
    statuses = "".join(f"<dt>{esc(status)}</dt><dd>{esc(STATUS_TEXT.get(status, status))}</dd>" for status in STATUS_ORDER)
    causes = "".join(f"<dt>{esc(cause)}</dt><dd>{esc(words)}: {esc(advice(cause, 'the group'))}</dd>"
                     for cause, words in CAUSE_WORDS.items())
    return (f'<section id="legend" class="legend"><h2>Legend</h2><h3>Verdicts</h3><dl>{verdicts}</dl>'
            f"<h3>Statuses</h3><dl>{statuses}</dl><h3>Why a job is unchecked, and what to do</h3><dl>{causes}</dl></section>")


def _meta_html(report):
    parts = [f'Checked at <time id="checked-at" datetime="{esc(report["checked_at"])}">{esc(report["checked_at"])}</time> (UTC)']
    if report["elapsed"] is not None:
        parts.append(f"gathered in {report['elapsed']:.1f}\u00a0s")
    if report["groups"]:
        parts.append(plural(len(report["groups"]), "group"))
    return '<p class="meta">' + " \u00b7 ".join(parts) + "</p>"


def page(report):
    """A report -> a complete HTML5 document (no external assets)."""
    verdict = "READY" if report["ready"] else "NOT READY"
    head = "".join(f'<th scope="col" class="{css}">{esc(title)}</th>' for title, css, _col in COLUMNS)
    cols = "".join(f'<col class="{col}">' for _title, _css, col in COLUMNS)
    return "\n".join((
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="mediaops.live_jobs.readiness_html">',
        f"<title>{esc(verdict)}: {esc(report['event'])} readiness</title>", f"<style>{CSS}</style>", "</head>",
        "<body>", "<header>", f'<h1>Readiness: <span id="event-name">{esc(report["event"])}</span></h1>',
        _meta_html(report), _banner(report), "</header>", "<main>", _causes_html(report),
        '<div class="table-wrap">', '<table id="jobs">', f"<colgroup>{cols}</colgroup>", f"<thead><tr>{head}</tr></thead>",
        *_body_html(report), "</table>", "</div>",
        '<p class="hint">Not-ready jobs first, then unchecked, then ready. Click a column header to sort within each.</p>',
        _legend_html(), "</main>", f"<script>{JS}</script>", "</body>", "</html>", "",
    ))
