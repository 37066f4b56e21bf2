# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests of the readiness report filters: rows, summary, text table, HTML page, JUnit XML."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness import (
    API_LABELS,
    ROW_KEYS,
    FilterModule,
    readiness_html,
    readiness_junit,
    readiness_rows,
    readiness_summary,
    readiness_table,
)

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


# ---------------------------------------------------------------------------------------------------------------
# readiness_rows
# ---------------------------------------------------------------------------------------------------------------

def test_filter_module_exposes_the_five_filters():
    assert set(FilterModule().filters()) == {
        "readiness_rows", "readiness_table", "readiness_summary", "readiness_html", "readiness_junit"}


def test_rows_follow_expected_order_and_carry_every_key():
    rows = mixed_rows()
    assert [row["job_id"] for row in rows] == list(MIXED_EXPECTED)
    for row in rows:
        assert tuple(row) == ROW_KEYS
    by_id = {row["job_id"]: row for row in rows}
    assert by_id["rec-1"] == {
        "api": "ice_record", "vendor": "alibaba", "service": "ice", "kind": "record", "job_id": "rec-1",
        "name": "job rec-1", "expected": "running", "actual": "running", "ok": True, "provider_status": "Running",
        "started_at": "2026-03-01T17:00:00Z", "stopped_at": None, "error_code": None, "error_message": None,
        "request_id": "req-rec-1",
    }
    assert by_id["rec-2"]["actual"] == "paused" and by_id["rec-2"]["ok"] is False
    assert by_id["rec-2"]["name"] == HOSTILE_NAME


def test_missing_and_failed_ids_carry_the_vendor_error():
    by_id = {row["job_id"]: row for row in mixed_rows()}
    missing, failed = by_id["rec-404"], by_id["rec-500"]
    assert (missing["actual"], missing["ok"], missing["error_code"]) == ("missing", False, "JobNotFound")
    assert missing["error_message"] == "The job does not exist." and missing["request_id"] == "req-404"
    assert (failed["actual"], failed["ok"], failed["error_code"]) == ("error", False, "Throttling.User")
    assert failed["request_id"] == "req-500"


@pytest.mark.parametrize("api, labels", [
    ("ice_record", ("alibaba", "ice", "record")),
    ("ice_snapshot", ("alibaba", "ice", "snapshot")),
    ("live_edge_transcode", ("alibaba", "live", "edge_transcode")),
    ("volc_pull_record", ("volcengine", "live", "pull_record")),
    ("huawei_record", ("huawei", "rtc", "record")),
])
def test_vendor_service_kind_derive_from_api(api, labels):
    rows = readiness_rows({"jobs": [job("a", "running")]}, {"a": "running"}, api)
    assert (rows[0]["vendor"], rows[0]["service"], rows[0]["kind"]) == labels
    assert rows[0]["api"] == api
    assert API_LABELS[api] == labels


def test_job_ids_match_as_strings():
    rows = readiness_rows({"jobs": [job(12345, "running")]}, {12345: "running", "67890": "stopped"}, "huawei_record")
    assert rows[0]["job_id"] == "12345" and rows[0]["ok"] is True
    assert rows[1]["job_id"] == "67890" and rows[1]["actual"] == "missing"


def test_every_status_compared_with_expected():
    result = {"jobs": [job(f"j-{status}", status) for status in ALL_STATUSES]}
    expected = {f"j-{status}": status for status in ALL_STATUSES}
    rows = readiness_rows(result, expected, "ice_snapshot")
    assert [row["actual"] for row in rows] == list(ALL_STATUSES)
    assert all(row["ok"] for row in rows)
    expected_running = {key: "running" for key in expected}
    rows = readiness_rows(result, expected_running, "ice_snapshot")
    assert [row["ok"] for row in rows] == [status == "running" for status in ALL_STATUSES]


def test_a_job_without_status_is_unknown():
    rows = readiness_rows({"jobs": [{"job_id": "x"}]}, {"x": "running"}, "ice_record")
    assert rows[0]["actual"] == "unknown" and rows[0]["ok"] is False


def test_failed_task_without_jobs_marks_every_expected_id_as_error():
    result = {"failed": True, "msg": "job_ids: 'rec 1' is not a valid job id"}
    rows = readiness_rows(result, {"rec 1": "running", "rec-2": "stopped"}, "ice_record")
    assert [row["actual"] for row in rows] == ["error", "error"]
    assert all(row["ok"] is False for row in rows)
    assert all(row["error_message"] == result["msg"] for row in rows)
    assert all(row["error_code"] is None for row in rows)


def test_failed_task_with_jobs_keeps_the_jobs_it_found():
    result = {"failed": True, "msg": "1 job id missing", "jobs": [job("a", "running")], "missing_ids": ["b"],
              "failed_ids": [], "errors": {"b": {"code": "JobNotFound", "message": "gone"}}}
    rows = readiness_rows(result, {"a": "running", "b": "running", "c": "running"}, "ice_record")
    assert [(row["actual"], row["ok"]) for row in rows] == [("running", True), ("missing", False), ("error", False)]
    assert rows[2]["error_message"] == "1 job id missing"


def test_skipped_task_is_an_error_for_every_id():
    rows = readiness_rows({"skipped": True, "skip_reason": "Conditional result was False"}, {"a": "running"},
                          "volc_pull_record")
    assert rows[0]["actual"] == "error" and rows[0]["error_message"] == "Conditional result was False"


def test_id_not_reported_by_the_module_is_missing():
    rows = readiness_rows({"jobs": [], "missing_ids": [], "failed_ids": [], "errors": {}}, {"z": "running"},
                          "ice_record")
    assert rows[0]["actual"] == "missing" and rows[0]["error_code"] is None
    assert "not in the info module result" in rows[0]["error_message"]


def test_expecting_missing_is_ok_when_the_job_is_gone():
    result = {"jobs": [], "missing_ids": ["old"], "errors": {"old": {"code": "ResourceNotFound", "message": "no"}}}
    rows = readiness_rows(result, {"old": "missing"}, "volc_pull_record")
    assert rows[0]["ok"] is True
    xml = ET.fromstring(readiness_junit(rows, "e", CHECKED_AT))
    assert xml.get("failures") == "0" and xml.find(".//failure") is None


def test_empty_expected_gives_no_rows():
    assert not readiness_rows({"jobs": [job("a", "running")]}, {}, "ice_record")


@pytest.mark.parametrize("args, message", [
    (("not a dict", {"a": "running"}, "ice_record"), "result must be"),
    ((None, {"a": "running"}, "ice_record"), "result must be"),
    (({"jobs": []}, ["a"], "ice_record"), "expected must be a dict"),
    (({"jobs": []}, {"a": "running"}, "aliyun_record"), "api must be one of"),
    (({"jobs": []}, {"a": "running"}, None), "api must be one of"),
    (({"jobs": "a"}, {"a": "running"}, "ice_record"), "result.jobs must be a list"),
    (({"jobs": ["a"]}, {"a": "running"}, "ice_record"), "result.jobs[0] must be a dict"),
    (({"missing_ids": "a"}, {"a": "running"}, "ice_record"), "result.missing_ids must be a list"),
    (({"errors": ["a"]}, {"a": "running"}, "ice_record"), "result.errors must be a dict"),
])
def test_rows_reject_wrong_input_types(args, message):
    with pytest.raises(AnsibleFilterError, match=re.escape(message)):
        readiness_rows(*args)


@pytest.mark.parametrize("filter_func", [readiness_summary, readiness_table])
@pytest.mark.parametrize("rows, message", [
    ("rows", "expected a list of rows"),
    ({"job_id": "a"}, "expected a list of rows"),
    (["a"], "row 0 is a str"),
    ([{"name": "a"}], "row 0 has no job_id"),
])
def test_row_consumers_reject_wrong_input_types(filter_func, rows, message):
    with pytest.raises(AnsibleFilterError, match=re.escape(message)):
        filter_func(rows)


@pytest.mark.parametrize("filter_func", [readiness_html, readiness_junit])
def test_reports_reject_bad_arguments(filter_func):
    with pytest.raises(AnsibleFilterError, match="expected a list of rows"):
        filter_func("rows", "event", CHECKED_AT)
    with pytest.raises(AnsibleFilterError, match="event_name must be a string"):
        filter_func([], None, CHECKED_AT)
    with pytest.raises(AnsibleFilterError, match="is not an ISO 8601 time"):
        filter_func([], "event", "yesterday")
    with pytest.raises(AnsibleFilterError, match="checked_at must be"):
        filter_func([], "event", ["2026"])


# ---------------------------------------------------------------------------------------------------------------
# readiness_summary
# ---------------------------------------------------------------------------------------------------------------

def test_summary_counts_by_status():
    summary = readiness_summary(mixed_rows())
    assert summary == {
        "ready": False, "total": 5, "ok": 2, "not_ready": 3,
        "by_status": {"running": 2, "paused": 1, "missing": 1, "error": 1},
        "not_ready_ids": ["rec-2", "rec-404", "rec-500"],
    }


def test_summary_all_statuses_and_ready():
    rows = readiness_rows({"jobs": [job(f"j-{s}", s) for s in ALL_STATUSES]}, {f"j-{s}": s for s in ALL_STATUSES},
                          "ice_record")
    summary = readiness_summary(rows)
    assert summary["ready"] is True and summary["not_ready_ids"] == []
    assert list(summary["by_status"]) == list(ALL_STATUSES)
    assert set(summary["by_status"].values()) == {1}


def test_summary_of_an_empty_event_is_not_ready():
    assert readiness_summary([]) == {
        "ready": False, "total": 0, "ok": 0, "not_ready": 0, "by_status": {}, "not_ready_ids": []}


# ---------------------------------------------------------------------------------------------------------------
# readiness_table
# ---------------------------------------------------------------------------------------------------------------

def test_table_lists_not_ready_rows_first_with_aligned_columns():
    rows = mixed_rows() + readiness_rows({"jobs": [job("v-1", "running")]}, {"v-1": "running"}, "volc_pull_record")
    lines = readiness_table(rows).split("\n")
    assert lines[0].split() == ["job", "vendor", "kind", "expected", "actual", "ok"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    ids = [line.split()[0] for line in lines[2:]]
    assert ids == ["rec-2", "rec-404", "rec-500", "rec-1", "rec-3", "v-1"]
    assert [line.endswith("NOT READY") for line in lines[2:]] == [True] * 3 + [False] * 3
    # fixed width: every column starts at the same offset on every line
    offset = lines[0].index("vendor")
    assert all(line[offset - 2:offset] == "  " and line[offset] != " " for line in lines[2:])


def test_table_keeps_hostile_values_on_one_line():
    rows = readiness_rows({"jobs": [job("a\nb\x1b[31m", "running")]}, {"a\nb\x1b[31m": "stopped"}, "ice_record")
    lines = readiness_table(rows).split("\n")
    assert len(lines) == 3
    assert "\x1b" not in lines[2] and lines[2].startswith("a b[31m  alibaba")


def test_table_of_an_empty_event_is_the_header():
    assert readiness_table([]).split("\n") == ["job  vendor  kind  expected  actual  ok", "---  ------  ----  --------  ------  --"]


# ---------------------------------------------------------------------------------------------------------------
# readiness_html
# ---------------------------------------------------------------------------------------------------------------

class PageParser(HTMLParser):
    """Collects elements, job rows (attributes + cell texts) and the text of script/style elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.stack = []
        self.rows = []
        self.scripts = []
        self.styles = []
        self.summary_text = []
        self.external = []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs, tuple(t for t, _a in self.stack)))
        for name in ("src", "href", "action"):
            if name in attrs:
                self.external.append((tag, name, attrs[name]))
        if tag == "tr" and "data-job-id" in attrs:
            self.rows.append({"attrs": attrs, "cells": []})
        if tag == "td" and self.rows and any(t == "tr" for t, _a in self.stack):
            self._cell = []
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell))
            self._cell = None
        while self.stack:
            open_tag, _attrs = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self.stack:
            tag, attrs = self.stack[-1]
            if tag == "script":
                self.scripts.append(data)
            elif tag == "style":
                self.styles.append(data)
        if any(attrs.get("id") == "summary" for _t, attrs in self.stack):
            self.summary_text.append(data)


def parse_page(page):
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def test_html_escapes_every_vendor_value():
    rows = mixed_rows()
    rows[0]["provider_status"] = "<b>bold</b>"
    rows[0]["error_message"] = "x' onclick='y"
    rows[0]["started_at"] = "<img src=x onerror=alert(3)>"
    page = readiness_html(rows, '<i>Final</i> & "more"', CHECKED_AT)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)" in page
    assert "<b>bold</b>" not in page and "<img" not in page and "<i>Final</i>" not in page
    assert "x&#x27; onclick=&#x27;y" in page
    parsed = parse_page(page)
    assert [tag for tag, _attrs, _parents in parsed.tags].count("script") == 1  # only the page's own sort script
    assert not [tag for tag, _attrs, parents in parsed.tags if "tbody" in parents and tag in ("script", "img", "b")]
    assert all("onmouseover" not in attrs and "onerror" not in attrs and "onclick" not in attrs
               for _tag, attrs, _parents in parsed.tags)
    hostile = next(row for row in parsed.rows if row["attrs"]["data-job-id"] == "rec-2")
    assert HOSTILE_NAME in hostile["cells"]


def test_html_escapes_hostile_job_ids_in_attributes():
    hostile_id = '"><script>alert(1)</script>'
    rows = readiness_rows({"jobs": [job(hostile_id, "running")]}, {hostile_id: "running"}, "ice_record")
    parsed = parse_page(readiness_html(rows, "e", CHECKED_AT))
    assert [row["attrs"]["data-job-id"] for row in parsed.rows] == [hostile_id]
    assert [tag for tag, _attrs, _parents in parsed.tags].count("script") == 1


def test_html_is_self_contained_with_event_time_and_summary():
    page = readiness_html(mixed_rows(), "Cup Final 2026", CHECKED_AT)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert page.rstrip().endswith("</html>")
    parsed = parse_page(page)
    assert parsed.external == []
    assert not re.search(r"https?://|url\(|@import", page)
    assert "Cup Final 2026" in page
    assert '<time id="checked-at" datetime="2026-03-01T18:00:00Z">2026-03-01T18:00:00Z</time>' in page
    summary = " ".join("".join(parsed.summary_text).split())
    assert summary.startswith("NOT READY \u2014 3 of 5 jobs are not in their expected status")
    for part in ("3 of 5 jobs", "running: 2", "paused: 1", "missing: 1", "error: 1"):
        assert part in summary


def test_html_csp_allows_only_the_inline_style_and_script():
    page = readiness_html(mixed_rows(), "e", CHECKED_AT)
    parsed = parse_page(page)
    csp = next(attrs["content"] for tag, attrs, _p in parsed.tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")

    def sha(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert csp == (f"default-src 'none'; style-src {sha(''.join(parsed.styles))}; "
                   f"script-src {sha(''.join(parsed.scripts))}")


def test_html_rows_not_ready_first_then_grouped_by_vendor():
    rows = (readiness_rows({"jobs": [job("h-1", "running")]}, {"h-1": "running"}, "huawei_record")
            + mixed_rows()
            + readiness_rows({"jobs": [job("v-1", "paused")]}, {"v-1": "running"}, "volc_pull_record")
            + readiness_rows({"jobs": [job("s-1", "running")]}, {"s-1": "running"}, "ice_snapshot"))
    parsed = parse_page(readiness_html(rows, "e", CHECKED_AT))
    order = [(row["attrs"]["data-job-id"], row["attrs"]["data-ok"], row["attrs"]["data-vendor"]) for row in parsed.rows]
    assert order == [
        ("rec-2", "false", "alibaba"), ("rec-404", "false", "alibaba"), ("rec-500", "false", "alibaba"),
        ("v-1", "false", "volcengine"),
        ("rec-1", "true", "alibaba"), ("rec-3", "true", "alibaba"), ("s-1", "true", "alibaba"),
        ("h-1", "true", "huawei"),
    ]
    for row in parsed.rows:
        not_ready = row["attrs"]["data-ok"] == "false"
        assert ("not-ready" in row["attrs"]["class"].split()) is not_ready
        assert row["cells"][0] == ("NOT READY" if not_ready else "ok")  # text marker, not colour only


def test_html_row_cells_show_every_column():
    parsed = parse_page(readiness_html(mixed_rows(), "e", CHECKED_AT))
    headers = [attrs.get("class") for tag, attrs, _p in parsed.tags if tag == "th"]
    assert headers == ["marker", "vendor", "kind", "job-id", "name", "expected", "actual", "time", "time", "err",
                       "err-msg"]
    cells = {row["attrs"]["data-job-id"]: row["cells"] for row in parsed.rows}
    assert cells["rec-404"] == ["NOT READY", "alibaba ice", "record", "rec-404", "", "running", "missing", "", "",
                                "JobNotFound", "The job does not exist. request id req-404"]
    assert cells["rec-1"][:9] == ["ok", "alibaba ice", "record", "rec-1", "job rec-1", "running", "running Running",
                                  "2026-03-01T17:00:00Z", ""]
    assert cells["rec-500"][9] == "Throttling.User"


def test_html_all_statuses():
    rows = readiness_rows({"jobs": [job(f"j-{s}", s) for s in ALL_STATUSES]}, {f"j-{s}": "running" for s in ALL_STATUSES},
                          "ice_record")
    parsed = parse_page(readiness_html(rows, "e", CHECKED_AT))
    assert {row["attrs"]["data-actual"] for row in parsed.rows} == set(ALL_STATUSES)
    assert [row["attrs"]["data-job-id"] for row in parsed.rows][-1] == "j-running"
    summary = " ".join("".join(parsed.summary_text).split())
    assert all(f"{status}: 1" in summary for status in ALL_STATUSES)


def test_html_of_a_ready_event():
    rows = readiness_rows({"jobs": [job("a", "running")]}, {"a": "running"}, "ice_record")
    parsed = parse_page(readiness_html(rows, "e", CHECKED_AT))
    summary = " ".join("".join(parsed.summary_text).split())
    assert summary.startswith("READY \u2014 the job is in its expected status")
    assert any(tag == "div" and attrs.get("data-ready") == "true" for tag, attrs, _p in parsed.tags)


def test_html_of_an_empty_event():
    page = readiness_html([], "Empty event", CHECKED_AT)
    parsed = parse_page(page)
    assert parsed.rows == []
    assert "No jobs were checked." in page
    assert " ".join("".join(parsed.summary_text).split()) == "NOT READY \u2014 no jobs were checked"


@pytest.mark.parametrize("checked_at, shown", [
    ("2026-03-01T18:00:00Z", "2026-03-01T18:00:00Z"),
    ("2026-03-01T18:00:00.123456Z", "2026-03-01T18:00:00Z"),
    ("2026-03-01T20:00:00+02:00", "2026-03-01T18:00:00Z"),
    ("2026-03-01 18:00:00", "2026-03-01T18:00:00Z"),
    (datetime(2026, 3, 1, 18, 0, tzinfo=timezone.utc), "2026-03-01T18:00:00Z"),
    (1772388000, "2026-03-01T18:00:00Z"),
])
def test_checked_at_is_shown_in_utc(checked_at, shown):
    assert f'datetime="{shown}"' in readiness_html([], "e", checked_at)
    assert f'value="{shown}"' in readiness_junit(
        readiness_rows({"jobs": []}, {"a": "running"}, "ice_record"), "e", checked_at)


def test_checked_at_defaults_to_now():
    page = readiness_html([], "e")
    shown = re.search(r'datetime="([^"]+)"', page).group(1)
    moment = datetime.strptime(shown, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - moment).total_seconds()) < 60


# ---------------------------------------------------------------------------------------------------------------
# readiness_junit
# ---------------------------------------------------------------------------------------------------------------

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


def test_junit_round_trip():
    rows = mixed_rows() + readiness_rows({"failed": True, "msg": "bad credentials"}, {"v-1": "running"},
                                         "volc_pull_record")
    text = readiness_junit(rows, "Cup Final 2026", CHECKED_AT)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    check_schema(root)
    assert root.tag == "testsuites"
    assert dict(root.attrib) == {"name": "Cup Final 2026", "tests": "6", "failures": "2", "errors": "2", "time": "0"}
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["alibaba.ice_record", "volcengine.volc_pull_record"]
    ice, volc = suites
    assert {k: ice.get(k) for k in ("tests", "failures", "errors", "skipped", "time", "timestamp")} == {
        "tests": "5", "failures": "2", "errors": "1", "skipped": "0", "time": "0", "timestamp": "2026-03-01T18:00:00"}
    props = {prop.get("name"): prop.get("value") for prop in ice.find("properties")}
    assert props == {"event": "Cup Final 2026", "checked_at": CHECKED_AT, "api": "ice_record"}
    cases = {case.get("name"): case for case in ice.findall("testcase")}
    assert list(cases) == list(MIXED_EXPECTED)
    assert all(case.get("classname") == "mediaops.live_jobs.ice_record" and case.get("time") == "0"
               for case in cases.values())
    assert len(cases["rec-1"]) == 0 and len(cases["rec-3"]) == 0
    paused = cases["rec-2"].find("failure")
    assert (paused.get("type"), paused.get("message")) == ("NotReady", "expected running, got paused")
    assert HOSTILE_NAME in paused.text
    missing = cases["rec-404"].find("failure")
    assert (missing.get("type"), missing.get("message")) == ("Missing", "job not found (JobNotFound)")
    error = cases["rec-500"].find("error")
    assert error.get("type") == "Throttling.User"
    assert error.get("message") == "Request was denied. (Throttling.User)"
    assert cases["rec-500"].find("failure") is None
    volc_error = volc.find("testcase/error")
    assert (volc_error.get("type"), volc_error.get("message")) == ("Error", "bad credentials")
    assert (volc.get("tests"), volc.get("failures"), volc.get("errors")) == ("1", "0", "1")


def test_junit_counts_match_elements():
    rows = mixed_rows()
    root = ET.fromstring(readiness_junit(rows, "e", CHECKED_AT))
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors")) == len(suite.findall("testcase/error"))
    summary = readiness_summary(rows)
    assert int(root.get("failures")) + int(root.get("errors")) == summary["not_ready"]


def test_junit_missing_id_without_code():
    rows = readiness_rows({"jobs": []}, {"gone": "running"}, "huawei_record")
    failure = ET.fromstring(readiness_junit(rows, "e", CHECKED_AT)).find(".//failure")
    assert (failure.get("type"), failure.get("message")) == ("Missing", "job not found")


def test_junit_strips_characters_illegal_in_xml():
    bad = "na\x00me\x01\x08\x0b\x0c\x1f\ufffe <&> \"q\" 'a'\ttab"
    rows = readiness_rows({"jobs": [job("j\x00-1", "paused", name=bad, provider_status="P\x07")]},
                          {"j\x00-1": "running"}, "ice_record")
    text = readiness_junit(rows, "ev\x1bent", CHECKED_AT)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)
    root = ET.fromstring(text)
    assert root.get("name") == "event"
    case = root.find(".//testcase")
    assert case.get("name") == "j-1"
    assert "name: name <&> \"q\" 'a'\ttab" in case.find("failure").text


def test_junit_of_an_empty_event():
    root = ET.fromstring(readiness_junit([], "Empty event", CHECKED_AT))
    check_schema(root)
    assert dict(root.attrib) == {"name": "Empty event", "tests": "0", "failures": "0", "errors": "0", "time": "0"}
    assert root.findall("testsuite") == []


def test_junit_one_suite_per_api_for_every_api():
    rows = []
    for api in API_LABELS:
        rows += readiness_rows({"jobs": [job(f"{api}-1", "running")]}, {f"{api}-1": "stopped"}, api)
    root = ET.fromstring(readiness_junit(rows, "e", CHECKED_AT))
    check_schema(root)
    assert [suite.get("name") for suite in root.findall("testsuite")] == [
        "alibaba.ice_record", "alibaba.ice_snapshot", "alibaba.live_edge_transcode", "volcengine.volc_pull_record",
        "huawei.huawei_record"]
    assert root.get("failures") == "5"
