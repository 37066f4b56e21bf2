# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_report and readiness_json: the documented report document (schema mediaops.live_jobs.readiness/v1)
made from a real readiness_info result, from pre-v2 rows, and read back from readiness.json."""

from __future__ import annotations

import ast
import json
import os
import re

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_html import readiness_html
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_json import readiness_json
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_report import readiness_report
from ansible_collections.mediaops.live_jobs.plugins.filter.readiness_rows import readiness_rows
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS, VENDORS
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils import _readiness_report
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_report import REPORT_KEYS, SCHEMA
from ansible_collections.mediaops.live_jobs.plugins.plugin_utils._readiness_rows import ROW_KEYS
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.filter.readiness_support import EVENT, load_result

ENGINE_ROW_KEYS = {
    "api", "label", "vendor", "vendor_title", "service", "kind", "title", "region", "job_id", "name", "expected",
    "expected_fields", "actual", "provider_status", "verdict", "reasons", "cause", "error_code", "error_message",
    "request_id", "times", "time_labels", "selector"}


def test_report_from_a_readiness_info_result():
    result = load_result()
    report = readiness_report(result, EVENT)
    assert tuple(report) == REPORT_KEYS
    assert (report["schema"], report["event"], report["checked_at"]) == (SCHEMA, EVENT, result["checked_at"])
    assert (report["ready"], report["elapsed"]) == (False, result["elapsed"])
    assert report["summary"] == result["summary"] == {
        "total": 22, "ready": 9, "not_ready": 7, "unchecked": 6, "ready_event": False}
    assert set(ROW_KEYS) == ENGINE_ROW_KEYS  # the report row is the engine's row
    assert [tuple(row) for row in report["rows"]] == [ROW_KEYS] * len(result["rows"])
    assert [{key: row[key] for key in ROW_KEYS} for row in result["rows"]] == report["rows"]
    assert [group["label"] for group in report["groups"]] == [group["label"] for group in result["groups"]]
    assert report["groups"][2]["seconds"] == 0.611
    cause, = report["causes"]
    assert {key: cause[key] for key in ("vendor", "label", "cause", "code", "count")} == {
        "vendor": "Volcengine", "label": "Volcengine (EU account)", "cause": "credentials",
        "code": "SignatureDoesNotMatch", "count": 6}
    assert cause["job_ids"] == [f"evt-pull-00{n}" for n in range(1, 7)]
    assert cause["text"] == ("Volcengine (EU account): credentials rejected (SignatureDoesNotMatch): 6 jobs not checked, "
                             "e.g. evt-pull-001, evt-pull-002, evt-pull-003 and 3 more")
    assert cause["advice"].startswith("check the access key/secret of Volcengine (EU account)")


def test_a_ready_event():
    result = load_result()
    result["rows"] = [row for row in result["rows"] if row["verdict"] == "ready"]
    report = readiness_report(result, EVENT)
    assert report["ready"] is True and report["causes"] == []
    assert report["summary"] == {"total": 9, "ready": 9, "not_ready": 0, "unchecked": 0, "ready_event": True}


def test_no_rows_is_not_ready():
    result = load_result()
    result["rows"] = []
    assert readiness_report(result, EVENT)["ready"] is False


@pytest.mark.parametrize("label, expected", [
    ("EU account", "Volcengine (EU account): credentials rejected"),
    ("volcengine backup", "volcengine backup: credentials rejected"),
])
def test_cause_text_names_the_vendor_once(label, expected):
    result = load_result()
    for row in result["rows"]:
        if row["verdict"] == "unchecked":
            row["label"] = label
    assert readiness_report(result, EVENT)["causes"][0]["text"].startswith(expected)


def test_report_from_pre_v2_rows():
    error = {"code": "InvalidAccessKeyId.NotFound", "message": "no", "http_status": 404}
    result = {"jobs": [{"job_id": "a", "status": "paused", "created_at": "2026-03-01T10:00:00Z"}], "failed_ids": ["b"],
              "errors": {"b": error}}
    rows = readiness_rows(result, {"a": "running", "b": "running"}, "ice_record", "Main account")
    report = readiness_report(rows, "e", "2026-03-01T18:00:00+01:00")
    assert (report["checked_at"], report["elapsed"], report["groups"]) == ("2026-03-01T17:00:00Z", None, [])
    assert [(row["verdict"], row["label"], row["cause"]) for row in report["rows"]] == [
        ("not_ready", "Main account", None), ("unchecked", "Main account", "credentials")]
    assert report["rows"][0]["times"] == {"created_at": "2026-03-01T10:00:00Z"}
    assert set(report["rows"][0]) == ENGINE_ROW_KEYS  # the pre-v2 keys (ok, started_at, ...) are left out
    assert report["causes"][0]["text"] == (
        "Alibaba Cloud (Main account): credentials rejected (InvalidAccessKeyId.NotFound): 1 job not checked, e.g. b")


def test_report_labels_come_from_the_registry():
    rows = [{"api": api, "job_id": "x", "ok": True, "expected": "running", "actual": "running"} for api in APIS]
    report = readiness_report(rows, "e")
    for row in report["rows"]:
        descriptor = APIS[row["api"]]
        assert (row["vendor"], row["vendor_title"], row["title"]) == (
            descriptor.vendor.name, VENDORS[descriptor.vendor.name].title, descriptor.title)
        assert row["time_labels"] == descriptor.time_labels


def test_no_copy_of_api_labels_in_the_filters():
    """Labels live in the registry; no filter or plugin_utils file spells an API or vendor title."""
    titles = {api.title for api in APIS.values()} | {vendor.title for vendor in VENDORS.values()}
    titles |= {label for api in APIS.values() for label in api.time_labels.values() if " " in label}
    plugin_utils = os.path.dirname(os.path.abspath(_readiness_report.__file__))
    folders = (plugin_utils, os.path.join(os.path.dirname(plugin_utils), "filter"))
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    tree = ast.parse(handle.read())
                literals = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                            and isinstance(node.value, str)}
                assert not {text for text in literals for title in titles if title in text}, name


@pytest.mark.parametrize("result, message", [
    ({"failed": True, "msg": "Invalid option checks[0].api"}, "did not run to the end (Invalid option checks[0].api)"),
    ({"skipped": True, "skip_reason": "Conditional result was False"}, "did not run to the end"),
    ({"changed": False}, "the result has no rows"),
    ({"rows": "x"}, "expected a list of rows"),
    ({"rows": [{"job_id": "a", "verdict": "maybe"}]}, "row 0 has verdict 'maybe'"),
    ({"rows": [], "groups": "x"}, "result.groups must be a list"),
    ({"rows": [], "checked_at": "soon"}, "is not an ISO 8601 time"),
])
def test_report_rejects_what_is_not_a_result(result, message):
    with pytest.raises(AnsibleFilterError, match=re.escape(message)):
        readiness_report(result, EVENT)


def test_report_needs_an_event_name_and_no_checked_at_for_a_result():
    with pytest.raises(AnsibleFilterError, match="event_name must be a string"):
        readiness_report(load_result(), None)
    with pytest.raises(AnsibleFilterError, match="checked_at is for a list of rows"):
        readiness_report(load_result(), EVENT, "2026-03-01T18:00:00Z")


def test_json_round_trip():
    report = readiness_report(load_result(), EVENT)
    text = readiness_json(report)
    assert text.endswith("}\n") and "\n  \"schema\": " in text
    assert "生效中" in text  # UTF-8 kept, not \\u escapes
    back = json.loads(text)
    assert back == report and list(back) == list(REPORT_KEYS)
    # a report read back from readiness.json feeds the other filters as it is
    assert readiness_json(back) == text
    assert readiness_html(back) == readiness_html(report)


def test_json_of_hostile_values_stays_valid():
    result = load_result()
    result["rows"][0]["name"] = 'a"b\\c\n\x00\ud800</script>'
    report = readiness_report(result, 'ev"ent\n')
    back = json.loads(readiness_json(report))
    assert back["rows"][0]["name"] == 'a"b\\c\n</script>'  # NUL and the lone surrogate are dropped
    assert back["event"] == 'ev"ent\n'


@pytest.mark.parametrize("value, message", [
    ({"schema": "other"}, "expected a report from mediaops.live_jobs.readiness_report"),
    ([], "expected a report"),
    ({"schema": SCHEMA, "rows": {}}, "report.rows must be a list"),
    ({"schema": SCHEMA, "rows": [{"job_id": "a"}]}, "report.rows[0].verdict must be one of"),
    ({"schema": SCHEMA, "rows": [], "event": None}, "event_name must be a string"),
])
def test_json_rejects_what_is_not_a_report(value, message):
    with pytest.raises(AnsibleFilterError, match=re.escape(message)):
        readiness_json(value)


def test_an_edited_report_is_rederived_from_its_rows():
    """Summary, ready and causes always follow the rows, so no output can contradict a row's verdict."""
    report = readiness_report(load_result(), EVENT)
    for row in report["rows"]:
        row["verdict"], row["reasons"], row["cause"] = "ready", [], None
    report["ready"], report["summary"] = False, {"total": 0}
    back = json.loads(readiness_json(report))
    assert back["ready"] is True and back["causes"] == [] and back["summary"]["ready"] == 22
