# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests of the HTML page and the JUnit XML made from pre-v2 rows (readiness_rows of info-module results), with
the event name and check time given as before; the rows carry the v2 verdicts."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_html import readiness_html
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_junit import readiness_junit
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_rows import readiness_rows
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_summary import readiness_summary
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import (
    ALL_STATUSES,
    CHECKED_AT,
    HOSTILE_NAME,
    MIXED_EXPECTED,
    check_schema,
    job,
    mixed_rows,
)


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
    rows[0]["error_code"] = "<code>"
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
    # v2: the banner counts problems, not raw statuses
    assert summary == "NOT READY \u2014 2 not ready, 1 unchecked, 2 ready (5 checks)"


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
    # v2: not ready, then unchecked (rec-500 could not be read), then ready; by vendor inside each
    assert order == [
        ("rec-2", "false", "alibaba"), ("rec-404", "false", "alibaba"), ("v-1", "false", "volcengine"),
        ("rec-500", "false", "alibaba"),
        ("rec-1", "true", "alibaba"), ("rec-3", "true", "alibaba"), ("s-1", "true", "alibaba"),
        ("h-1", "true", "huawei"),
    ]
    markers = {"ready": "ready", "not_ready": "NOT READY", "unchecked": "UNCHECKED"}
    for row in parsed.rows:
        verdict = row["attrs"]["data-verdict"]
        assert (row["attrs"]["data-ok"] == "false") is (verdict != "ready")
        assert verdict.replace("_", "-") in row["attrs"]["class"].split()
        assert row["cells"][0] == markers[verdict]  # text marker, not colour only


def test_html_row_cells_show_every_column():
    parsed = parse_page(readiness_html(mixed_rows(), "e", CHECKED_AT))
    headers = [attrs.get("class") for tag, attrs, _p in parsed.tags if tag == "th" and attrs.get("scope") == "col"]
    # v2 layout: a group column (label, vendor, kind), reasons, labelled times, request ids in their own column
    assert headers == ["marker", "group", "job-id", "name", "expected", "actual", "reasons", "times", "req"]
    cells = {row["attrs"]["data-job-id"]: row["cells"] for row in parsed.rows}
    assert cells["rec-404"] == ["NOT READY", "alibaba.ice_recordAlibaba Cloud \u00b7 record", "rec-404", "", "running",
                                "missing", "the vendor does not know this job (JobNotFound)JobNotFound The job does not exist.",
                                "", "req-404"]
    assert cells["rec-1"] == ["ready", "alibaba.ice_recordAlibaba Cloud \u00b7 record", "rec-1", "job rec-1", "running",
                              "runningRunning", "", "Started2026-03-01T17:00:00Z", "req-rec-1"]
    assert cells["rec-500"][0] == "UNCHECKED"
    assert cells["rec-500"][6] == "throttled until the deadlineThrottling.User Request was denied."


def test_html_all_statuses():
    rows = readiness_rows({"jobs": [job(f"j-{s}", s) for s in ALL_STATUSES]}, {f"j-{s}": "running" for s in ALL_STATUSES},
                          "ice_record")
    parsed = parse_page(readiness_html(rows, "e", CHECKED_AT))
    assert {row["attrs"]["data-actual"] for row in parsed.rows} == set(ALL_STATUSES)
    assert [row["attrs"]["data-job-id"] for row in parsed.rows][-1] == "j-running"
    summary = " ".join("".join(parsed.summary_text).split())
    assert summary == "NOT READY \u2014 5 not ready, 1 ready (6 checks)"


def test_html_of_a_ready_event():
    rows = readiness_rows({"jobs": [job("a", "running")]}, {"a": "running"}, "ice_record")
    parsed = parse_page(readiness_html(rows, "e", CHECKED_AT))
    summary = " ".join("".join(parsed.summary_text).split())
    assert summary == "READY \u2014 the job is ready"
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
    assert (paused.get("type"), paused.get("message")) == ("NotReady", "status: expected running, got paused")
    assert HOSTILE_NAME in paused.text
    missing = cases["rec-404"].find("failure")
    assert (missing.get("type"), missing.get("message")) == ("Missing", "the vendor does not know this job (JobNotFound)")
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
    assert (failure.get("type"), failure.get("message")) == (
        "Missing", "job id not in the info module result (was it passed in job_ids?)")


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
    for api in APIS:
        rows += readiness_rows({"jobs": [job(f"{api}-1", "running")]}, {f"{api}-1": "stopped"}, api)
    root = ET.fromstring(readiness_junit(rows, "e", CHECKED_AT))
    check_schema(root)
    assert [suite.get("name") for suite in root.findall("testsuite")] == [
        "alibaba.ice_record", "alibaba.ice_snapshot", "alibaba.live_edge_transcode", "volcengine.volc_pull_record",
        "huawei.huawei_record"]
    assert root.get("failures") == "5"
