# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The four report files of one run agree on every job's verdict (readiness.json, readiness.prom, the JUnit file and
the HTML page), and what the HTML page and the JUnit file show for a v2 report: causes first, three verdicts, time
labels per API, request ids in their own column, real gather times."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_html import readiness_html
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_json import readiness_json
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_junit import readiness_junit
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_prom import readiness_prom
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_report import readiness_report
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import STATUS_ORDER
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import (
    EVENT,
    HOSTILE,
    hostile_result,
    load_result,
    parse_prom,
)


class Page(HTMLParser):
    """Job rows (attributes, cells by class), elements with ancestors, text per element id, script/style texts."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements, self.rows, self.texts, self.scripts, self.styles = [], [], [], {}, [], []
        self._cell = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs, tuple(t for t, _a in self.stack)))
        if tag == "tr" and "data-job-id" in attrs:
            self.rows.append({"attrs": attrs, "cells": {}})
        if tag == "td" and self.rows and self.stack and self.stack[-1][0] == "tr":
            self._cell = (attrs["class"], [])
        if tag not in ("meta", "br", "wbr", "col", "link", "img", "input"):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1]["cells"][self._cell[0]] = "".join(self._cell[1])
            self._cell = None
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1].append(data)
        for _tag, attrs in self.stack:
            if attrs.get("id"):
                self.texts.setdefault(attrs["id"], []).append(data)
        if self.stack and self.stack[-1][0] in ("script", "style"):
            (self.scripts if self.stack[-1][0] == "script" else self.styles).append(data)

    def text(self, element_id):
        return " ".join("".join(self.texts.get(element_id, [])).split())


@pytest.fixture(params=["real", "hostile"])
def report(request):
    result = load_result() if request.param == "real" else hostile_result()
    return json.loads(readiness_json(readiness_report(result, EVENT)))  # as read back from readiness.json


def junit_verdicts(text):
    out = {}
    for suite in ET.fromstring(text).findall("testsuite"):
        for case in suite.findall("testcase"):
            verdict = "unchecked" if case.find("error") is not None else (
                "not_ready" if case.find("failure") is not None else "ready")
            out[(suite.get("name"), case.get("name"))] = verdict
    return out


def test_the_four_reports_agree_on_every_verdict(report):
    from_json = {(row["label"], row["job_id"]): row["verdict"] for row in report["rows"]}
    assert len(from_json) == len(report["rows"])
    prom = parse_prom(readiness_prom(report))["mediaops_live_jobs_job_ready"]["samples"]
    from_prom = {(labels["label"], labels["job_id"]): labels["verdict"] for labels, _value in prom}
    assert all((value == 1.0) is (labels["verdict"] == "ready") for labels, value in prom)
    from_junit = junit_verdicts(readiness_junit(report))
    page = Page(readiness_html(report))
    from_html = {(row["attrs"]["data-label"], row["attrs"]["data-job-id"]): row["attrs"]["data-verdict"]
                 for row in page.rows}
    assert from_json == from_prom == from_junit == from_html
    assert {"ready", "not_ready", "unchecked"} == set(from_json.values())


def test_junit_times_are_the_real_gather_times():
    report = readiness_report(load_result(), EVENT)
    root = ET.fromstring(readiness_junit(report))
    assert float(root.get("time")) == report["elapsed"]
    seconds = {group["label"]: group["seconds"] for group in report["groups"]}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert float(suite.get("time")) == pytest.approx(seconds[suite.get("name")], abs=0.001)
        assert all(float(case.get("time")) == pytest.approx(float(suite.get("time")) / len(cases), abs=0.001)
                   for case in cases)
        assert suite.get("timestamp") == report["checked_at"].rstrip("Z")
        assert {prop.get("name"): prop.get("value") for prop in suite.find("properties")}["checked_at"] == report["checked_at"]
    volc = next(suite for suite in root.findall("testsuite") if suite.get("name") == "Volcengine (EU account)")
    error = volc.find("testcase/error")
    assert (error.get("type"), volc.get("errors"), volc.get("failures")) == ("SignatureDoesNotMatch", "6", "0")
    assert "cause: credentials" in error.text
    main = next(suite for suite in root.findall("testsuite") if suite.get("name") == "Volcengine main account")
    failure = main.find("testcase/failure")
    assert failure.get("type") == "NotReady" and failure.get("message").startswith("schedule: ")
    assert "Scheduled end: 2026-11-29T20:46:50Z" in failure.text  # the API's own time label


def test_html_causes_first_then_not_ready_then_the_rest():
    report = readiness_report(hostile_result(), EVENT)
    text = readiness_html(report)
    page = Page(text)
    assert text.index('id="summary"') < text.index('id="causes"') < text.index('id="jobs"') < text.index('id="legend"')
    assert page.text("summary") == "NOT READY \u2014 7 not ready, 8 unchecked, 9 ready (24 checks)"
    causes = page.text("causes")
    assert causes.startswith("Could not check 8 jobs \u2014 fix these first")
    assert "What to do: check the access key/secret of Volcengine (EU account)" in causes
    assert "What to do: check the network path to Alibaba Cloud (ICE Frankfurt): endpoint, proxy, TLS" in causes
    verdicts = [row["attrs"]["data-verdict"] for row in page.rows]
    assert verdicts == ["not_ready"] * 7 + ["unchecked"] * 8 + ["ready"] * 9
    for row in page.rows:
        verdict = row["attrs"]["data-verdict"]
        assert row["cells"]["marker"] == {"ready": "ready", "not_ready": "NOT READY", "unchecked": "UNCHECKED"}[verdict]
        assert verdict.replace("_", "-") in row["attrs"]["class"].split()
    sections = [attrs.get("data-verdict") for tag, attrs, _p in page.elements if tag == "tbody"]
    assert sections == ["not_ready", "unchecked", "ready"]


def test_html_cells_time_labels_request_ids_and_legend():
    report = readiness_report(load_result(), EVENT)
    text = readiness_html(report)
    page = Page(text)
    rows = {(row["attrs"]["data-label"], row["attrs"]["data-job-id"]): row["cells"] for row in page.rows}
    volc = rows[("Volcengine main account", "evt-pull-001")]
    assert volc["times"] == "Scheduled start2026-11-28T20:46:50ZScheduled end2026-11-29T20:46:50Z"
    assert volc["actual"] == "running生效中" and volc["expected"] == "runningcovers the event window"
    assert rows[("ICE Shanghai", "evt-rec-001")]["times"] == "Created2026-11-28T23:46:50Z"  # ICE rows show their times
    assert rows[("SparkRTC app 1", "evt-rtc-001")]["times"].startswith("Created2026-11-28T19:46:50Z")
    for row in report["rows"]:  # request ids sit in their own column, never in the reasons
        cells = rows[(row["label"], row["job_id"])]
        assert cells["req"] == (row["request_id"] or "")
        assert not row["request_id"] or row["request_id"] not in cells["reasons"]
    unchecked = rows[("Volcengine (EU account)", "evt-pull-002")]
    assert unchecked["reasons"].startswith("credentials rejectedSignatureDoesNotMatch not sent:")
    assert unchecked["actual"] == "error"
    legend = page.text("legend")
    assert all(f"<dt>{status}</dt><dd>" in text for status in STATUS_ORDER)
    assert "UNCHECKEDcould not be read: fix the cause above" in legend
    assert "throttlingthrottled until the deadline: lower the request rate" in legend


def test_html_cjk_fonts_csp_and_no_external_assets():
    text = readiness_html(readiness_report(load_result(), EVENT))
    page = Page(text)
    style = "".join(page.styles)
    for font in ('"Noto Sans CJK SC"', '"Source Han Sans SC"', '"PingFang SC"', '"Microsoft YaHei"',
                 '"WenQuanYi Micro Hei"'):
        assert font in style
    csp = next(attrs["content"] for tag, attrs, _p in page.elements if attrs.get("http-equiv") == "Content-Security-Policy")

    def sha(source):
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    assert csp == f"default-src 'none'; style-src {sha(style)}; script-src {sha(''.join(page.scripts))}"
    assert not [attrs for _tag, attrs, _p in page.elements if {"src", "href", "style"} & set(attrs)]
    assert not re.search(r"https?://|url\(|@import", text)


def test_html_escapes_every_vendor_value():
    result = hostile_result()
    for row in result["rows"]:
        for key in ("label", "name", "provider_status", "error_code", "error_message", "request_id", "region"):
            row[key] = f"{key}{HOSTILE}"
        row["reasons"] = [f"reason{HOSTILE}"]
        row["times"] = {"created_at": HOSTILE}
        row["time_labels"] = {"created_at": HOSTILE}
        row["expected_fields"] = {"name": HOSTILE}
    report = readiness_report(result, HOSTILE)
    page = Page(readiness_html(report))
    assert [tag for tag, _a, _p in page.elements].count("script") == 1
    assert not [attrs for _tag, attrs, _p in page.elements if "onmouseover" in attrs]
    assert page.text("event-name") == HOSTILE
    assert len(page.rows) == len(report["rows"])
    first = page.rows[0]["cells"]
    assert first["name"] == f"name{HOSTILE}" and first["req"] == f"request_id{HOSTILE}"
    assert page.rows[0]["attrs"]["data-label"] == f"label{HOSTILE}"
