# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Readiness results for the filter tests (imported by the test files; not a conftest).

fixtures/readiness_info_result.json is a real mediaops.live_jobs.readiness_info result, registered against the
bundled emulator: seven groups (ICE record and snapshot, two Volcengine accounts of which one has a bad secret, two
SparkRTC apps, an edge transcoding selector), with a status mismatch, a field mismatch, a schedule that does not
cover the window, two missing jobs, a selector that finds too few jobs and six jobs that could not be checked.
parse_prom is a strict parser of the Prometheus text exposition format, check_schema checks JUnit XML against the
common JUnit schema, and mixed_result() is an info-module result of the kind the pre-v2 readiness_rows filter reads.
"""

from __future__ import annotations

import copy
import json
import os
import re

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_rows import readiness_rows

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "readiness_info_result.json")
EVENT = "Cup final 2026"
HOSTILE = '<script>alert("pwned")</script>" onmouseover="alert(2)'
LONG_TOKEN = "https://live.example.invalid/" + "a1b2c3d4e5" * 30  # no break opportunity for 300+ characters

with open(FIXTURE, encoding="utf-8") as handle:
    _RESULT = json.load(handle)


def load_result():
    return copy.deepcopy(_RESULT)


def hostile_result():
    """The real result plus hostile and hard-to-lay-out values: a script in a name, a 330-character unbroken error
    text, a CJK name, and an unchecked transport group."""
    result = load_result()
    rows = result["rows"]
    by_id = {(row["label"], row["job_id"]): row for row in rows}
    by_id[("ICE Shanghai", "evt-rec-005")]["name"] = HOSTILE
    by_id[("SparkRTC app 1", "evt-rtc-002")]["name"] = "主舞台 录制 生效中"
    template = by_id[("ICE Shanghai", "evt-rec-404")]
    for number in range(2):
        row = copy.deepcopy(template)
        row.update(label="ICE Frankfurt", region="eu-central-1", job_id=f"evt-rec-fra-{number}", actual="error",
                   verdict="unchecked", cause="transport", error_code="ConnectionError", request_id=None,
                   error_message=f"could not connect to {LONG_TOKEN}: [Errno 111] Connection refused",
                   reasons=[f"could not be read: ConnectionError: could not connect to {LONG_TOKEN}"])
        rows.append(row)
    result["groups"].append({"label": "ICE Frankfurt", "api": "ice_record", "vendor": "alibaba", "seconds": 2.5,
                             "api_calls": {"requests": 2, "retries": 4, "throttled": 0}, "jobs": 2, "selector": None,
                             "error": None})
    return result


def big_result(count=1000):
    """A 1,000-job event: mostly ready, a few hundred not ready of several kinds, a hundred unchecked."""
    result = load_result()
    base = result["rows"][0]
    rows = []
    for number in range(count):
        row = copy.deepcopy(base)
        row["job_id"] = f"evt-big-{number:04d}-" + "x" * 20
        row["label"] = f"Region {number % 7}"
        kind = number % 10
        if kind == 1:
            row.update(verdict="not_ready", actual="paused", reasons=["status: expected running, got paused"])
        elif kind == 2:
            row.update(verdict="not_ready", actual="missing", error_code="JobNotFound",
                       reasons=["the vendor does not know this job (JobNotFound)"])
        elif kind == 3:
            row.update(verdict="not_ready", reasons=[f"template_id: expected 't-{number}', got 'other-{number}'"])
        elif kind == 4:
            row.update(verdict="unchecked", actual="error", cause=("credentials", "deadline")[number // 10 % 2],
                       error_code=("SignatureDoesNotMatch", "DeadlineExceeded")[number // 10 % 2],
                       error_message="x" * 300, reasons=["could not be read: " + "x" * 300])
        rows.append(row)
    result["rows"] = rows
    return result


NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"'
SAMPLE_RE = re.compile(rf"^({NAME})(?:\{{((?:{LABEL})(?:,{LABEL})*)?\}})? (\S+)$")
HELP_RE = re.compile(rf"^# HELP ({NAME}) ((?:[^\\\n]|\\[\\n])*)$")
TYPE_RE = re.compile(rf"^# TYPE ({NAME}) (counter|gauge|histogram|summary|untyped)$")
VALUE_RE = re.compile(r"^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)$")
UNESCAPE = {"\\\\": "\\", '\\"': '"', "\\n": "\n"}


def parse_prom(text):
    """Strict parse: {metric: {"help", "type", "samples": [(labels dict, float)]}}; fails on anything else."""
    assert text.endswith("\n") and not text.endswith("\n\n"), "one trailing newline"
    metrics, series = {}, set()
    for number, line in enumerate(text[:-1].split("\n"), 1):
        if line.startswith("# HELP "):
            found = HELP_RE.match(line)
            assert found, f"line {number}: {line!r}"
            assert found.group(1) not in metrics, f"line {number}: second HELP for {found.group(1)}"
            metrics[found.group(1)] = {"help": found.group(2), "type": None, "samples": []}
        elif line.startswith("# TYPE "):
            found = TYPE_RE.match(line)
            assert found and found.group(1) in metrics and metrics[found.group(1)]["type"] is None, line
            assert not metrics[found.group(1)]["samples"], "TYPE must come before the samples"
            metrics[found.group(1)]["type"] = found.group(2)
        else:
            found = SAMPLE_RE.match(line)
            assert found, f"line {number} is not a sample without timestamp: {line!r}"
            name, labels_text, value = found.group(1), found.group(2) or "", found.group(found.lastindex)
            assert name in metrics and metrics[name]["type"] == "gauge", f"line {number}: no HELP/TYPE before {name}"
            assert VALUE_RE.match(value), line
            labels = {key: re.sub(r'\\[\\"n]', lambda m: UNESCAPE[m.group(0)], raw)
                      for key, raw in re.findall(LABEL, labels_text)}
            assert len(labels) == labels_text.count('="'), f"line {number}: a label name repeats"
            key = line.rsplit(" ", 1)[0]
            assert key not in series, f"line {number}: duplicate series"
            series.add(key)
            metrics[name]["samples"].append((labels, float(value)))
    return metrics


# ---------------------------------------------------------------------------------------------------------------
# Pre-v2 rows: info-module results of the kind readiness_rows reads
# ---------------------------------------------------------------------------------------------------------------

CHECKED_AT = "2026-03-01T18:00:00Z"
HOSTILE_NAME = '<script>alert(1)</script>" onmouseover="alert(2)'
ALL_STATUSES = ("pending", "running", "paused", "stopped", "finished", "unknown")


def job(job_id, status, name=None, **extra):
    out = {
        "job_id": job_id, "name": name if name is not None else f"job {job_id}", "provider": "alibaba",
        "service": "ice", "kind": "record", "status": status, "provider_status": status.capitalize(),
        "started_at": "2026-03-01T17:00:00Z", "stopped_at": None, "request_id": f"req-{job_id}",
    }
    out.update(extra)
    return out


def mixed_result():
    return {
        "changed": False,
        "jobs": [
            job("rec-1", "running"),
            job("rec-2", "paused", name=HOSTILE_NAME),
            job("rec-3", "running"),
        ],
        "missing_ids": ["rec-404"],
        "failed_ids": ["rec-500"],
        "errors": {
            "rec-404": {"provider": "alibaba", "code": "JobNotFound", "message": "The job does not exist.",
                        "http_status": 404, "request_id": "req-404", "retryable": False},
            "rec-500": {"provider": "alibaba", "code": "Throttling.User", "message": "Request was denied.",
                        "http_status": 429, "request_id": "req-500", "retryable": True},
        },
    }


MIXED_EXPECTED = {"rec-1": "running", "rec-2": "running", "rec-404": "running", "rec-500": "running",
                  "rec-3": "running"}


def mixed_rows():
    return readiness_rows(mixed_result(), MIXED_EXPECTED, "ice_record")


# Attributes and children the common JUnit schema (Jenkins junit-10.xsd, read by GitLab / GitHub Actions reporters)
# allows; the report must stay inside it.
SCHEMA = {
    "testsuites": ({"name", "time", "tests", "failures", "disabled", "errors"}, {"testsuite"}),
    "testsuite": ({"name", "tests", "failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id",
                   "package", "file", "log", "url", "version"},
                  {"properties", "testcase", "system-out", "system-err"}),
    "properties": (set(), {"property"}),
    "property": ({"name", "value"}, set()),
    "testcase": ({"name", "assertions", "time", "classname", "status", "file", "line"},
                 {"skipped", "error", "failure", "system-out", "system-err"}),
    "failure": ({"type", "message"}, set()),
    "error": ({"type", "message"}, set()),
}
REQUIRED = {"testsuite": {"name", "tests"}, "testcase": {"name"}, "property": {"name", "value"}}


def check_schema(element):
    allowed_attrs, allowed_children = SCHEMA[element.tag]
    assert set(element.attrib) <= allowed_attrs, element.tag
    assert REQUIRED.get(element.tag, set()) <= set(element.attrib), element.tag
    for child in element:
        assert child.tag in allowed_children, (element.tag, child.tag)
        check_schema(child)
    if element.tag == "testsuite":
        order = [child.tag for child in element]
        assert order == sorted(order, key=["properties", "testcase", "system-out", "system-err"].index)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", element.get("timestamp"))
    for name in ("tests", "failures", "errors", "skipped", "disabled"):
        if name in element.attrib:
            assert element.get(name).isdigit()
    if "time" in element.attrib:
        float(element.get("time"))
