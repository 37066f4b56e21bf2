# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plain-text readiness outputs: the console table and the failure message, both leading with the causes.

The message stays short for any size of event: counts per cause and per kind of reason, a few example ids each;
the full list is in the reports.
"""

from __future__ import annotations

from ._readiness_common import one_line, plural
from ._readiness_report import CAUSE_WORDS, cause_text, ordered_rows

MARKERS = {"ready": "ready", "not_ready": "NOT READY", "unchecked": "UNCHECKED"}
TABLE_HEADER = ("job", "group", "expected", "actual", "verdict", "reason")
MESSAGE_LIMIT = 1500
_ID_LIMIT = 48
_REASON_LIMIT = 90


def counts_text(summary):
    """'2 not ready, 6 unchecked, 9 ready': problems first, zero counts of problems left out."""
    parts = [f"{summary[key]} {key.replace('_', ' ')}" for key in ("not_ready", "unchecked") if summary[key]]
    parts.append(f"{summary['ready']} ready")
    return ", ".join(parts)


def verdict_line(report):
    summary = report["summary"]
    if summary["total"] == 0:
        return f"NOT READY: {one_line(report['event'], 120)}: no jobs were checked"
    word = "READY" if report["ready"] else "NOT READY"
    return f"{word}: {one_line(report['event'], 120)}: {counts_text(summary)} ({plural(summary['total'], 'check')})"


def cause_lines(report, indent="  "):
    lines = []
    if report["causes"]:
        lines.append(f"Could not check {plural(report['summary']['unchecked'], 'job')} - fix these first:")
    for cause in report["causes"]:
        lines.append(f"{indent}{one_line(cause['text'])}")
        lines.append(f"{indent}  -> {one_line(cause['advice'])}")
    return lines


def first_reason(row):
    return row["reasons"][0] if row["reasons"] else (row["error_message"] or "")


def table_lines(report):
    """Cause lines, then a fixed-width table: not-ready rows first, then unchecked, then ready."""
    lines = [TABLE_HEADER]
    for row in ordered_rows(report["rows"]):
        reason = first_reason(row) if row["verdict"] != "ready" else ""
        lines.append((one_line(row["job_id"]), one_line(row["label"]), one_line(row["expected"]), one_line(row["actual"]),
                      MARKERS[row["verdict"]], one_line(reason, _REASON_LIMIT)))
    widths = [max(len(line[col]) for line in lines) for col in range(len(TABLE_HEADER))]
    out = cause_lines(report)
    for number, line in enumerate(lines):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return out


def reason_kind(row):
    """What kind of problem a not-ready row has: missing, status, count, schedule or the field that is wrong."""
    if row["actual"] == "missing" and row["expected"] != "missing":
        return "missing"
    reason = first_reason(row)
    head = reason.split(":", 1)[0].strip() if ":" in reason else ""
    return head if head and " " not in head else "other"


KIND_TEXT = {
    "missing": "the vendor does not know the job",
    "status": "not in the expected status",
    "count": "a selector found too few jobs",
    "schedule": "the schedule does not cover the event window",
}


def _example(row, with_reason):
    text = f"{one_line(row['job_id'], _ID_LIMIT)} [{one_line(row['label'], 32)}]"
    if with_reason:
        detail = first_reason(row).split(":", 1)[-1].strip()
        text += f" ({one_line(detail, 60)})"
    return text


def not_ready_lines(rows, examples):
    kinds = {}
    for row in rows:
        if row["verdict"] == "not_ready":
            kinds.setdefault(reason_kind(row), []).append(row)
    lines = []
    for kind, members in sorted(kinds.items(), key=lambda item: -len(item[1])):
        title = KIND_TEXT.get(kind, f"{kind} differs from the expectation" if kind != "other" else "other reasons")
        shown = ", ".join(_example(row, kind not in ("missing",)) for row in members[:examples])
        more = f" and {len(members) - examples} more" if len(members) > examples else ""
        lines.append(f"  {title}: {plural(len(members), 'job')}, e.g. {shown}{more}")
    return lines


def _more_causes(rest):
    """'and 11 more causes: credentials rejected (X) in 6 groups (43 jobs); ...'."""
    kinds = {}
    for cause in rest:
        groups, jobs = kinds.get((cause["cause"], cause["code"]), (0, 0))
        kinds[(cause["cause"], cause["code"])] = (groups + 1, jobs + cause["count"])
    parts = [f"{CAUSE_WORDS.get(cause, cause)}{f' ({one_line(code, 40)})' if code else ''} in {plural(groups, 'group')} "
             f"({plural(jobs, 'job')})" for (cause, code), (groups, jobs) in list(kinds.items())[:4]]
    return f"  and {plural(len(rest), 'more cause')}: " + "; ".join(parts) + ("; ..." if len(kinds) > 4 else "")


def _message(report, causes_shown, kinds_shown, examples):
    lines = [verdict_line(report)]
    if report["causes"]:
        lines.append(f"Not checked ({plural(report['summary']['unchecked'], 'job')}) - fix these first:")
        for cause in report["causes"][:causes_shown]:
            lines.append(f"  {one_line(cause_text(cause, examples, _ID_LIMIT))} -> {one_line(cause['advice'], 160)}")
        if len(report["causes"]) > causes_shown:
            lines.append(_more_causes(report["causes"][causes_shown:]))
    kinds = not_ready_lines(report["rows"], examples)
    if kinds:
        lines.append(f"Not ready ({plural(report['summary']['not_ready'], 'job')}):")
        lines.extend(kinds[:kinds_shown])
        if len(kinds) > kinds_shown:
            lines.append(f"  and {plural(len(kinds) - kinds_shown, 'more kind')} of problem")
    lines.append("The full list is in the readiness reports (readiness.html, readiness.json).")
    return "\n".join(lines)


def message(report):
    """The failure message: verdict and counts, the causes, then the not-ready jobs grouped by kind of reason."""
    # Fewer causes, kinds and examples until it fits; the smallest form is a handful of short lines.
    for causes_shown, kinds_shown, examples in ((8, 8, 3), (8, 8, 2), (8, 8, 1), (6, 6, 1), (4, 4, 1), (3, 3, 1),
                                                (2, 2, 1), (1, 1, 1)):
        text = _message(report, causes_shown, kinds_shown, examples)
        if len(text) <= MESSAGE_LIMIT:
            return text
    return text[:MESSAGE_LIMIT - 1] + "\u2026"
