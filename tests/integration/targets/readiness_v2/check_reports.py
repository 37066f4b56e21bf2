#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks of the readiness reports a run left in a report directory (readiness_v2 target).

check_reports.py agree DIR               the four reports exist and agree with readiness.json on every count/verdict
check_reports.py ready DIR               readiness.json says READY: every row ready
check_reports.py verdicts DIR FILE.yml   every row of readiness.json has the verdict FILE.yml expects (and no other row)
check_reports.py jobs DIR [LABEL::]ID=VERDICT...  every row of these job ids (in the group LABEL) has this verdict
check_reports.py absent DIR              no readiness.* report is left in DIR

Prints what it checked; exits 1 with the reasons when a check fails.
"""

import json
import os
import re
import sys
from xml.etree import ElementTree
from collections import Counter
from html.parser import HTMLParser

import yaml

REPORTS = ("readiness.json", "readiness.prom", "readiness.junit.xml", "readiness.html")
VERDICTS = ("ready", "not_ready", "unchecked")


class Failed(Exception):
    pass


def load_json(directory):
    path = os.path.join(directory, "readiness.json")
    if not os.path.isfile(path):
        raise Failed("%s does not exist" % path)
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    for key in ("schema", "event", "checked_at", "ready", "summary", "causes", "groups", "rows"):
        if key not in report:
            raise Failed("readiness.json has no %r" % key)
    return report


def counts_of(rows):
    counted = Counter(row["verdict"] for row in rows)
    return {verdict: counted.get(verdict, 0) for verdict in VERDICTS}


def check_json(report):
    """The summary of readiness.json agrees with its rows; every row has the documented keys."""
    rows = report["rows"]
    problems = []
    for index, row in enumerate(rows):
        for key in ("api", "label", "vendor", "job_id", "expected", "actual", "verdict", "reasons", "error_code",
                    "error_message", "request_id"):
            if key not in row:
                problems.append("rows[%d] has no %r" % (index, key))
        if row.get("verdict") not in VERDICTS:
            problems.append("rows[%d].verdict is %r" % (index, row.get("verdict")))
        if row.get("verdict") == "unchecked" and not row.get("cause"):
            problems.append("rows[%d] (%s) is unchecked without a cause" % (index, row.get("job_id")))
        if row.get("verdict") != "ready" and not row.get("reasons"):
            problems.append("rows[%d] (%s) is %s without a reason" % (index, row.get("job_id"), row.get("verdict")))
    counts = counts_of(rows)
    summary = report["summary"]
    for verdict in VERDICTS:
        if summary.get(verdict) != counts[verdict]:
            problems.append("summary.%s is %r, the rows say %d" % (verdict, summary.get(verdict), counts[verdict]))
    if summary.get("total") != len(rows):
        problems.append("summary.total is %r for %d rows" % (summary.get("total"), len(rows)))
    if report["ready"] != (counts["ready"] == len(rows)):
        problems.append("ready is %r with %s" % (report["ready"], counts))
    if problems:
        raise Failed("; ".join(problems))
    return counts


def check_prom(directory, report, counts):
    with open(os.path.join(directory, "readiness.prom"), encoding="utf-8") as handle:
        text = handle.read()
    problems = []
    event_ready = re.search(r"^mediaops_live_jobs_event_ready\{[^}]*\} (\d+)$", text, re.M)
    if not event_ready or int(event_ready.group(1)) != int(report["ready"]):
        problems.append("event_ready metric does not say %d" % int(report["ready"]))
    for verdict in VERDICTS:
        match = re.search(r'^mediaops_live_jobs_jobs\{[^}]*verdict="%s"[^}]*\} (\d+)$' % verdict, text, re.M)
        if not match or int(match.group(1)) != counts[verdict]:
            problems.append("jobs{verdict=%s} is %s, not %d" % (verdict, match.group(1) if match else "absent", counts[verdict]))
    per_job = Counter(re.findall(r'^mediaops_live_jobs_job_ready\{[^}]*verdict="([a-z_]+)"[^}]*\} [01]$', text, re.M))
    if dict(per_job) != {verdict: count for verdict, count in counts.items() if count}:
        problems.append("job_ready lines per verdict %s, expected %s" % (dict(per_job), counts))
    if problems:
        raise Failed("readiness.prom: " + "; ".join(problems))


def check_junit(directory, counts):
    root = ElementTree.parse(os.path.join(directory, "readiness.junit.xml")).getroot()
    problems = []
    total = sum(counts.values())
    expected = {"tests": total, "failures": counts["not_ready"], "errors": counts["unchecked"]}
    for name, value in expected.items():
        if int(root.get(name, -1)) != value:
            problems.append("testsuites %s=%s, expected %d" % (name, root.get(name), value))
    cases = root.findall(".//testcase")
    failures = sum(1 for case in cases if case.find("failure") is not None)
    errors = sum(1 for case in cases if case.find("error") is not None)
    if (len(cases), failures, errors) != (total, counts["not_ready"], counts["unchecked"]):
        problems.append("testcases %d (failure %d, error %d), expected %d (%d, %d)"
                        % (len(cases), failures, errors, total, counts["not_ready"], counts["unchecked"]))
    if problems:
        raise Failed("readiness.junit.xml: " + "; ".join(problems))


class HtmlRows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = []
        self.summary = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "tr" and "data-job-id" in attributes and "data-verdict" in attributes:
            self.rows.append((attributes["data-job-id"], attributes["data-verdict"]))
        if attributes.get("id") == "summary":
            self.summary = attributes


def check_html(directory, report, counts):
    parser = HtmlRows()
    with open(os.path.join(directory, "readiness.html"), encoding="utf-8") as handle:
        parser.feed(handle.read())
    problems = []
    html_counts = counts_of([{"verdict": verdict} for dummy, verdict in parser.rows])
    if html_counts != counts:
        problems.append("job rows per verdict %s, expected %s" % (html_counts, counts))
    json_rows = Counter((row["job_id"], row["verdict"]) for row in report["rows"])
    html_rows = Counter(parser.rows)
    if html_rows != json_rows:
        problems.append("job rows differ from readiness.json: only in the HTML %s, only in the JSON %s"
                        % (sorted((html_rows - json_rows).elements()), sorted((json_rows - html_rows).elements())))
    summary = parser.summary or {}
    for verdict, attribute in (("ready", "data-count-ready"), ("not_ready", "data-count-not-ready"),
                               ("unchecked", "data-count-unchecked")):
        if summary.get(attribute) != str(counts[verdict]):
            problems.append("summary %s=%r, expected %d" % (attribute, summary.get(attribute), counts[verdict]))
    if summary.get("data-ready") != ("true" if report["ready"] else "false"):
        problems.append("summary data-ready=%r" % summary.get("data-ready"))
    if problems:
        raise Failed("readiness.html: " + "; ".join(problems))


def agree(directory):
    missing = [name for name in REPORTS if not os.path.isfile(os.path.join(directory, name))]
    if missing:
        raise Failed("missing reports in %s: %s" % (directory, ", ".join(missing)))
    report = load_json(directory)
    counts = check_json(report)
    check_prom(directory, report, counts)
    check_junit(directory, counts)
    check_html(directory, report, counts)
    return "the four reports agree: %s (%d rows, ready=%s)" % (counts, len(report["rows"]), report["ready"])


def ready(directory):
    report = load_json(directory)
    counts = check_json(report)
    if not report["ready"] or counts["not_ready"] or counts["unchecked"]:
        raise Failed("the event is not READY: %s" % counts)
    return "READY: %d rows" % len(report["rows"])


def verdicts(directory, expected_file):
    with open(expected_file, encoding="utf-8") as handle:
        expected = yaml.safe_load(handle)
    report = load_json(directory)
    counts = check_json(report)
    problems = []
    rows = {(row["label"], row["job_id"]): row for row in report["rows"]}
    if len(rows) != len(report["rows"]):
        problems.append("two rows share a (label, job id)")
    wanted = {(entry["label"], entry["job_id"]): entry for entry in expected["rows"]}
    for key in sorted(set(rows) - set(wanted)):
        problems.append("unexpected row %s: %s" % (key, rows[key]["verdict"]))
    for key, entry in wanted.items():
        row = rows.get(key)
        if row is None:
            problems.append("no row %s" % (key,))
            continue
        if row["verdict"] != entry["verdict"]:
            problems.append("%s: verdict %s, expected %s (%s)" % (key, row["verdict"], entry["verdict"], row["reasons"]))
        if "cause" in entry and row.get("cause") != entry["cause"]:
            problems.append("%s: cause %r, expected %r" % (key, row.get("cause"), entry["cause"]))
        if "code" in entry and row.get("error_code") != entry["code"]:
            problems.append("%s: error code %r, expected %r" % (key, row.get("error_code"), entry["code"]))
        if "reason" in entry and not any(entry["reason"] in reason for reason in row["reasons"]):
            problems.append("%s: no reason contains %r: %s" % (key, entry["reason"], row["reasons"]))
    expected_counts = {verdict: expected["summary"][verdict] for verdict in VERDICTS}
    if counts != expected_counts or report["summary"]["total"] != expected["summary"]["total"]:
        problems.append("summary %s, expected %s" % (report["summary"], expected["summary"]))
    if problems:
        raise Failed("readiness.json: " + "; ".join(problems))
    return "every row has its expected verdict: %s" % counts


def jobs(directory, *pairs):
    report = load_json(directory)
    check_json(report)
    problems = []
    for pair in pairs:
        key, verdict = pair.rsplit("=", 1)
        label, job_id = key.split("::", 1) if "::" in key else (None, key)
        found = [row["verdict"] for row in report["rows"] if row["job_id"] == job_id and label in (None, row["label"])]
        if not found or set(found) != {verdict}:
            problems.append("%s: %s, expected %s" % (key, found, verdict))
    if problems:
        raise Failed("readiness.json: " + "; ".join(problems))
    return "verdicts as expected: " + ", ".join(pairs)


def absent(directory):
    left = [name for name in REPORTS if os.path.lexists(os.path.join(directory, name))]
    if left:
        raise Failed("reports left in %s: %s" % (directory, ", ".join(left)))
    return "no readiness report in %s" % directory


def main(argv):
    commands = {"agree": agree, "ready": ready, "verdicts": verdicts, "jobs": jobs, "absent": absent}
    if len(argv) < 3 or argv[1] not in commands:
        sys.exit(__doc__)
    try:
        print("check_reports %s: %s" % (argv[1], commands[argv[1]](*argv[2:])))
    except Failed as failure:
        sys.exit("check_reports %s FAILED: %s" % (argv[1], failure))


if __name__ == "__main__":
    main(sys.argv)
