# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness report as JUnit XML: one testsuite per check group, one testcase per row.

not_ready -> <failure> (the reasons), unchecked -> <error> (the vendor error); times are the real gather times
(a suite's is its group's, each case gets an equal share), timestamps the check time. ElementTree serializes every
value; characters XML 1.0 forbids were already dropped by the report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ._readiness_common import clean, parse_checked_at
from ._readiness_report import group_seconds

DETAIL_KEYS = ("api", "label", "job_id", "name", "expected", "actual", "provider_status", "cause", "error_code",
               "error_message", "request_id")


def _seconds(value):
    return "0" if not value else f"{value:.3f}"


def _detail(row):
    lines = [f"reason: {reason}" for reason in row["reasons"]]
    for key in DETAIL_KEYS:
        if row.get(key) not in (None, ""):
            lines.append(f"{key}: {clean(row[key])}")
    for field, value in row["times"].items():
        lines.append(f"{row['time_labels'].get(field) or field}: {value}")
    for field, value in row["expected_fields"].items():
        lines.append(f"expected {field}: {clean(value)}")
    return "\n".join(lines)


def _suites(report):
    """label -> rows, in the order of report.groups, then any other label in row order."""
    suites = {group["label"]: [] for group in report["groups"]}
    for row in report["rows"]:
        suites.setdefault(row["label"], []).append(row)
    return {label: rows for label, rows in suites.items() if rows}


def _case(suite, row, case_time):
    case = ET.SubElement(suite, "testcase")
    case.set("classname", clean(f"mediaops.live_jobs.{row['api'] or 'unknown'}"))
    case.set("name", clean(row["job_id"]))
    case.set("time", case_time)
    if row["verdict"] == "ready":
        return 0, 0
    code = row["error_code"]
    if row["verdict"] == "unchecked":
        node = ET.SubElement(case, "error")
        node.set("type", clean(code) if code else "Error")
        message = row["error_message"] or "; ".join(row["reasons"]) or "the job could not be read"
        node.set("message", clean(f"{message} ({code})" if code else message))
        node.text = _detail(row)
        return 0, 1
    node = ET.SubElement(case, "failure")
    node.set("type", "Missing" if row["actual"] == "missing" and row["expected"] != "missing" else "NotReady")
    node.set("message", clean("; ".join(row["reasons"]) or "not ready"))
    node.text = _detail(row)
    return 1, 0


def junit(report):
    """A report -> JUnit XML text with an XML declaration."""
    moment = parse_checked_at(report["checked_at"], "readiness_junit")
    # The common JUnit schema's timestamp is a local date-time without zone; it is UTC here.
    timestamp = moment.strftime("%Y-%m-%dT%H:%M:%S")
    times = group_seconds(report)
    root = ET.Element("testsuites")
    root.set("name", clean(report["event"]))
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite_id, (label, rows) in enumerate(_suites(report).items()):
        suite = ET.SubElement(root, "testsuite")
        suite.set("name", clean(label))
        suite.set("id", str(suite_id))
        props = ET.SubElement(suite, "properties")
        for name, value in (("event", report["event"]), ("checked_at", report["checked_at"]), ("api", rows[0]["api"])):
            prop = ET.SubElement(props, "property")
            prop.set("name", name)
            prop.set("value", clean(value))
        suite_time = times.get(label)
        case_time = _seconds(suite_time / len(rows) if suite_time else None)
        failures = errors = 0
        for row in rows:
            failed, errored = _case(suite, row, case_time)
            failures, errors = failures + failed, errors + errored
        for key, value in (("tests", len(rows)), ("failures", failures), ("errors", errors), ("skipped", 0)):
            suite.set(key, str(value))
        suite.set("time", _seconds(suite_time))
        suite.set("timestamp", timestamp)
        totals = {"tests": totals["tests"] + len(rows), "failures": totals["failures"] + failures,
                  "errors": totals["errors"] + errors}
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", _seconds(report["elapsed"]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
