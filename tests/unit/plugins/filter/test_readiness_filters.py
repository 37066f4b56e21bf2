# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests of the readiness filters in their pre-v2 form: rows of info-module results -> rows, summary, text table
(the HTML page and JUnit XML of rows: test_readiness_legacy_reports.py). The rows now carry the v2 verdict
(ok -> ready, missing -> not_ready, error -> unchecked)."""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_html import readiness_html
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_junit import readiness_junit
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_rows import readiness_rows
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_summary import readiness_summary
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_table import readiness_table
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_rows import LEGACY_ROW_KEYS as ROW_KEYS
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import (
    ALL_STATUSES,
    CHECKED_AT,
    HOSTILE_NAME,
    MIXED_EXPECTED,
    job,
    mixed_rows,
)


# ---------------------------------------------------------------------------------------------------------------
# readiness_rows
# ---------------------------------------------------------------------------------------------------------------

FILTERS = ("readiness_rows", "readiness_table", "readiness_summary", "readiness_html", "readiness_junit",
           "readiness_report", "readiness_json", "readiness_prom", "readiness_message")


@pytest.mark.parametrize("name", FILTERS)
def test_one_filter_per_file(name):
    module = importlib.import_module(f"ansible_collections.mediaops.live_jobs.plugins.filter.{name}")
    assert set(module.FilterModule().filters()) == {name}


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
        # v2 keys
        "label": "alibaba.ice_record", "vendor_title": "Alibaba Cloud", "title": "ICE recording jobs", "region": None,
        "expected_fields": {}, "verdict": "ready", "reasons": [], "cause": None,
        "times": {"started_at": "2026-03-01T17:00:00Z"}, "time_labels": {"created_at": "Created"}, "selector": None,
    }
    assert by_id["rec-2"]["actual"] == "paused" and by_id["rec-2"]["ok"] is False
    assert by_id["rec-2"]["verdict"] == "not_ready"
    assert by_id["rec-2"]["reasons"] == ["status: expected running, got paused"]
    assert by_id["rec-2"]["name"] == HOSTILE_NAME


def test_missing_and_failed_ids_carry_the_vendor_error():
    by_id = {row["job_id"]: row for row in mixed_rows()}
    missing, failed = by_id["rec-404"], by_id["rec-500"]
    assert (missing["actual"], missing["ok"], missing["error_code"]) == ("missing", False, "JobNotFound")
    assert missing["error_message"] == "The job does not exist." and missing["request_id"] == "req-404"
    assert (failed["actual"], failed["ok"], failed["error_code"]) == ("error", False, "Throttling.User")
    assert failed["request_id"] == "req-500"
    assert (missing["verdict"], missing["cause"]) == ("not_ready", None)
    assert missing["reasons"] == ["the vendor does not know this job (JobNotFound)"]
    assert (failed["verdict"], failed["cause"]) == ("unchecked", "throttling")


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
    descriptor = APIS[api]  # the labels come from the registry, not from a copy
    assert (descriptor.vendor.name, descriptor.service, descriptor.kind) == labels
    assert (rows[0]["vendor_title"], rows[0]["title"]) == (descriptor.vendor.title, descriptor.title)
    assert rows[0]["time_labels"] == descriptor.time_labels


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
    assert all((row["verdict"], row["cause"]) == ("unchecked", "task_failed") for row in rows)


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
        # v2: not_ready above is every row not ok; the verdicts split it
        "unchecked": 1, "unchecked_ids": ["rec-500"], "verdicts": {"ready": 2, "not_ready": 2, "unchecked": 1},
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
        "ready": False, "total": 0, "ok": 0, "not_ready": 0, "by_status": {}, "not_ready_ids": [],
        "unchecked": 0, "unchecked_ids": [], "verdicts": {"ready": 0, "not_ready": 0, "unchecked": 0}}


# ---------------------------------------------------------------------------------------------------------------
# readiness_table
# ---------------------------------------------------------------------------------------------------------------

def test_table_lists_not_ready_rows_first_with_aligned_columns():
    rows = mixed_rows() + readiness_rows({"jobs": [job("v-1", "running")]}, {"v-1": "running"}, "volc_pull_record")
    lines = readiness_table(rows).split("\n")
    # v2: the causes of unchecked rows come first
    assert lines[0] == "Could not check 1 job - fix these first:"
    assert lines[1].strip().startswith("Alibaba Cloud (alibaba.ice_record): throttled")
    assert lines[2].strip().startswith("-> lower the request rate")
    lines = lines[3:]
    assert lines[0].split() == ["job", "group", "expected", "actual", "verdict", "reason"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    ids = [line.split()[0] for line in lines[2:]]
    assert ids == ["rec-2", "rec-404", "rec-500", "rec-1", "rec-3", "v-1"]
    offset = lines[0].index("verdict")
    assert [line[offset:].split("  ")[0] for line in lines[2:]] == ["NOT READY"] * 2 + ["UNCHECKED"] + ["ready"] * 3
    # fixed width: every column starts at the same offset on every line
    offset = lines[0].index("group")
    assert all(line[offset - 2:offset] == "  " and line[offset] != " " for line in lines[2:])


def test_table_keeps_hostile_values_on_one_line():
    rows = readiness_rows({"jobs": [job("a\nb\x1b[31m", "running")]}, {"a\nb\x1b[31m": "stopped"}, "ice_record")
    lines = readiness_table(rows).split("\n")
    assert len(lines) == 3
    assert "\x1b" not in lines[2] and lines[2].startswith("a b[31m  alibaba")


def test_table_of_an_empty_event_is_the_header():
    assert readiness_table([]).split("\n") == [
        "job  group  expected  actual  verdict  reason", "---  -----  --------  ------  -------  ------"]
