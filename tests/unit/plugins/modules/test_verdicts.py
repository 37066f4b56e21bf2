# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Verdicts an operator can trust (issue 13), through each module's main() over a fake HTTP session and a fake clock:
fail fast on a wrong secret with a short grouped message, the task deadline, strict ids, ICE's own error dialect.
Every requested id ends in exactly one of jobs, missing_ids and failed_ids."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from ansible_collections.mediaops.live_jobs.plugins.modules import (
    edge_transcode_job_info, pull_record_task_info, record_job_info, snapshot_job_info,
)

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
ALI = dict(access_key="LTAI5tQ8ExampleAccessKey", secret_key=SECRET, region="cn-shanghai")
VOLC = dict(access_key="AKLTZjY4ZmExampleAccessKey0001", secret_key=SECRET)
HW = dict(provider="huawei", access_key="HPUAQ7XAMPLEACCESSKEY0", secret_key=SECRET, project_id="0123456789abcdef0123456789abcdef",
          app_id="5f5e172b9016ed5b0961a43")
EDGE = dict(ALI, cluster_id="evt-cluster-1")


def ice_record(job_id, status="started"):
    return (200, {"RequestId": f"REQ-{job_id}", "RecordJob": {"JobId": job_id, "Name": f"rec {job_id}", "Status": status}})


def ice_snapshot(job_id, status="started"):
    return (200, {"RequestId": f"REQ-{job_id}", "JobId": job_id, "JobName": f"snap {job_id}", "Status": status})


def edge(job_id):
    return (200, {"RequestId": f"REQ-{job_id}", "Job": {"JobId": job_id, "Name": "e", "Status": "1"}})


def volc(job_id):
    return (200, {"ResponseMetadata": {"RequestId": f"REQ-{job_id}"}, "Result": {"TaskId": job_id, "Status": "生效中"}})


def huawei(job_id):
    return (200, {"job_id": job_id, "state": "RUNNING"}, {"X-Request-Id": f"REQ-{job_id}"})


def ali_error(status, code, message="m", request_id="ERR-1", headers=None):
    return (status, {"RequestId": request_id, "Code": code, "Message": message}, headers or {})


def volc_error(status, code, message="m", request_id="ERR-1"):
    return (status, {"ResponseMetadata": {"RequestId": request_id, "Error": {"Code": code, "Message": message}}})


def hw_error(status, code, message="m", request_id="ERR-1"):
    return (status, {"error_code": code, "error_msg": message}, {"X-Request-Id": request_id})


def verdicts(result):
    """{id: verdict} from a module result; asserts no id is in two places."""
    places = {}
    for place, ids in (("job", [job["job_id"] for job in result["jobs"]]), ("missing", result["missing_ids"]), ("failed", result["failed_ids"])):
        for job_id in ids:
            assert job_id not in places, f"{job_id} is in {places[job_id]} and {place}"
            places[job_id] = place
    return places


# --- a wrong secret: at most max_concurrency + 1 requests, every id failed, a short grouped message ---------------------

WRONG_SECRET = [
    ("ice_record", record_job_info, ALI, ali_error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")),
    ("ice_snapshot", snapshot_job_info, ALI, ali_error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")),
    ("live_edge_transcode", edge_transcode_job_info, EDGE, ali_error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")),
    ("volc_pull_record", pull_record_task_info, VOLC, volc_error(401, "SignatureDoesNotMatch", "The request signature we calculated does not match")),
    ("huawei_record", record_job_info, HW, hw_error(401, "APIG.0301", "Incorrect IAM authentication information: verify aksk signature fail")),
]


@pytest.mark.parametrize("max_concurrency", [8, 3])
@pytest.mark.parametrize("api, module, args, answer", WRONG_SECRET, ids=[case[0] for case in WRONG_SECRET])
def test_wrong_secret_with_300_ids_fails_fast(run_module, api, module, args, answer, max_concurrency):
    ids = [f"evt-{n:03d}" for n in range(300)]
    run = run_module(module, dict(args, job_ids=ids, max_concurrency=max_concurrency), lambda job_id, call: answer)
    result = run.result
    code = answer[1].get("Code") or answer[1].get("error_code") or answer[1]["ResponseMetadata"]["Error"]["Code"]
    assert len(run.calls) <= max_concurrency + 1, f"{len(run.calls)} signed requests with a wrong secret"
    assert result["api_calls"]["requests"] == len(run.calls)
    assert result["failed"] is True
    assert result["failed_ids"] == ids, "every id is failed, in input order, none dropped"
    assert result["jobs"] == [] and result["missing_ids"] == []
    assert {error["code"] for error in result["errors"].values()} == {code}
    msg = result["msg"]
    assert len(msg) < 600, msg
    assert msg.startswith("300 of 300 job ids failed: ")
    assert msg.count(f" {code}: ") == 1, "one group per code"
    assert "300 ids" in msg and "and 297 more" in msg


def test_credential_error_fails_every_remaining_id(run_module):
    """One worker: ok1 is read, f1's Forbidden stops the account; ok2 and f2 are never sent and fail with the same code."""
    def answer(job_id, call):
        if job_id == "f1":
            return ali_error(403, "Forbidden", "User not authorized to operate on the specified resource.", "R-f1")
        return ice_snapshot(job_id)

    run = run_module(snapshot_job_info, dict(ALI, job_ids=["ok1", "f1", "ok2", "f2"], max_concurrency=1), answer)
    result = run.result
    assert [call.job_id for call in run.calls] == ["ok1", "f1"]
    assert [job["job_id"] for job in result["jobs"]] == ["ok1"]
    assert result["failed_ids"] == ["f1", "ok2", "f2"]
    assert {job_id: error["code"] for job_id, error in result["errors"].items()} == {"f1": "Forbidden", "ok2": "Forbidden", "f2": "Forbidden"}
    assert result["errors"]["f1"]["request_id"] == "R-f1" and "not sent" in result["errors"]["ok2"]["message"]
    assert result["msg"].startswith("3 of 4 job ids failed: ") and "3 ids (f1, ok2, f2)" in result["msg"]
    assert "request id R-f1" in result["msg"], "the example error is the one the vendor sent"


# --- the deadline option ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("max_concurrency", [1, 4])
def test_deadline_returns_what_was_read_and_fails_the_rest(run_module, fake_clock, max_concurrency):
    ids = [f"t{n:02d}" for n in range(60)]
    gone = {"t03", "t07"}

    def answer(job_id, call):
        return volc_error(404, "ResourceNotFound", "-", f"NF-{job_id}") if job_id in gone else volc(job_id)

    start = fake_clock.now
    # 10 requests/s by default: about 20 of the 60 ids fit into 2 seconds
    run = run_module(pull_record_task_info, dict(VOLC, task_ids=ids, deadline=2, use_list="never", max_concurrency=max_concurrency), answer)
    result = run.result
    places = verdicts(result)
    assert set(places) == set(ids), "every requested id is in exactly one of jobs, missing_ids, failed_ids"
    sent = {call.job_id for call in run.calls}
    assert {job["job_id"] for job in result["jobs"]} == sent - gone, "every job read before the deadline is returned"
    assert set(result["missing_ids"]) == gone & sent
    assert set(result["failed_ids"]) == set(ids) - sent
    if max_concurrency == 1:
        assert 15 <= len(sent) <= 25
    else:  # the fake clock adds up the sleeps of parallel workers: fewer fit, but some did and some did not
        assert 1 <= len(sent) < len(ids)
    assert {result["errors"][job_id]["code"] for job_id in result["failed_ids"]} == {"DeadlineExceeded"}
    assert result["failed"] is True and "DeadlineExceeded" in result["msg"] and "2s" in result["msg"]
    assert len(result["msg"]) < 600
    assert fake_clock.now - start <= 2.0 + 1e-9


def test_no_deadline_error_when_everything_fits(run_module):
    ids = [f"t{n}" for n in range(5)]
    run = run_module(pull_record_task_info, dict(VOLC, task_ids=ids, deadline=30), lambda job_id, call: volc(job_id))
    assert "failed" not in run.result and [job["job_id"] for job in run.result["jobs"]] == ids


def test_slow_vendor_is_cut_by_the_deadline_not_retried_for_minutes(run_module, fake_clock):
    """A vendor answering in 12 s with timeout 10 and retries 5 used to keep a task busy for 6 x 10 s per id; the
    deadline bounds the whole task, and each request's timeout never reaches past it."""
    def slow(job_id, call):
        took = min(12.0, call.timeout)
        fake_clock.sleep(took)
        if took < 12.0:
            raise requests.exceptions.ReadTimeout("read timed out")
        return ice_snapshot(job_id)

    start = fake_clock.now
    run = run_module(snapshot_job_info, dict(ALI, job_ids=["j1", "j2"], timeout=10, retries=5, deadline=25, max_concurrency=1), slow)
    result = run.result
    assert fake_clock.now - start <= 25.0 + 1e-6
    assert verdicts(result) == {"j1": "failed", "j2": "failed"}
    assert result["errors"]["j1"]["code"] == "DeadlineExceeded" and "ReadTimeout" in result["errors"]["j1"]["message"]
    assert all(call.timeout <= 10.0 for call in run.calls)
    assert run.calls[-1].timeout < 10.0, "the last attempt's timeout was cut to what was left of the deadline"


def test_deadline_must_be_positive(run_module):
    run = run_module(snapshot_job_info, dict(ALI, job_ids=["j1"], deadline=0), [])
    assert run.result["failed"] is True and run.result["option"] == "deadline" and run.calls == []


# --- strict ids -----------------------------------------------------------------------------------------------------

STRICT = [
    ([{"id": "evt-1"}], 1, "dict"),
    (["evt-0", ["evt-1"]], 2, "list"),
    (["evt-0", "evt-1", True], 3, "bool"),
    ([" evt-1"], 1, "' evt-1'"),
    (["evt-0", "evt-1 "], 2, "'evt-1 '"),
]
MODULES = [
    (snapshot_job_info, ALI, "job_ids"), (record_job_info, ALI, "job_ids"), (record_job_info, HW, "job_ids"),
    (edge_transcode_job_info, EDGE, "job_ids"), (pull_record_task_info, VOLC, "task_ids"),
]


@pytest.mark.parametrize("module, args, option", MODULES, ids=["snapshot", "record-ice", "record-huawei", "edge", "pull-record"])
@pytest.mark.parametrize("job_ids, position, fragment", STRICT, ids=["dict", "list", "bool", "leading-space", "trailing-space"])
def test_wrong_ids_fail_before_any_request_naming_the_item(run_module, module, args, option, job_ids, position, fragment):
    run = run_module(module, dict(args, **{option: job_ids}), [])
    result = run.result
    assert result["failed"] is True and result["option"] == "job_ids"
    assert result["msg"].startswith(f"Invalid option job_ids: item {position} ")
    assert fragment in result["msg"]
    assert run.calls == [] and run.sessions_created == []


def test_an_integer_id_is_its_decimal_text(run_module):
    run = run_module(snapshot_job_info, dict(ALI, job_ids=[7, "evt-1"]), lambda job_id, call: ice_snapshot(job_id))
    assert [job["job_id"] for job in run.result["jobs"]] == ["7", "evt-1"]
    # two ids run on two workers, so the calls may arrive in either order
    assert sorted(parse_qs(urlsplit(call.url).query)["JobId"] for call in run.calls) == [["7"], ["evt-1"]]


def test_an_integer_and_its_text_are_one_id(run_module):
    run = run_module(pull_record_task_info, dict(VOLC, task_ids=[7, "7"]), lambda job_id, call: volc(job_id))
    assert [job["job_id"] for job in run.result["jobs"]] == ["7"] and len(run.calls) == 1
    assert json.loads(run.calls[0].data) == {"TaskID": "7"}


# --- ICE's own error dialect ---------------------------------------------------------------------------------------

ICE_MODULES = [(record_job_info, ice_record), (snapshot_job_info, ice_snapshot)]


@pytest.mark.parametrize("module, ok", ICE_MODULES, ids=["record", "snapshot"])
def test_ice_requests_too_frequent_is_retried(run_module, fake_clock, module, ok):
    too_frequent = ali_error(403, "RequestsTooFrequent", "Request was denied due to request throttling.")
    run = run_module(module, dict(ALI, job_ids=["j1"], retries=1), [too_frequent] * 4 + [ok("j1")])
    assert "failed" not in run.result
    assert verdicts(run.result) == {"j1": "job"}
    assert run.result["api_calls"] == {"requests": 5, "retries": 4, "throttled": 4}


@pytest.mark.parametrize("module, ok", ICE_MODULES, ids=["record", "snapshot"])
def test_ice_resource_not_found_is_missing(run_module, module, ok):
    def answer(job_id, call):
        return ali_error(404, "ResourceNotFound", "The specified resource is not found.", f"NF-{job_id}") if job_id == "gone" else ok(job_id)

    run = run_module(module, dict(ALI, job_ids=["j1", "gone"]), answer)
    assert "failed" not in run.result
    assert verdicts(run.result) == {"j1": "job", "gone": "missing"}
    assert run.result["errors"]["gone"]["code"] == "ResourceNotFound"
    assert len(run.session.calls_for("gone")) == 1, "not found is not retried"


# --- Volcengine signing region ------------------------------------------------------------------------------------


def test_volcengine_region_env_does_not_change_the_credential_scope(run_module):
    run = run_module(pull_record_task_info, dict(VOLC, task_ids=["t1"]), [volc("t1")], env={"VOLCENGINE_REGION": "cn-beijing"})
    authorization = run.calls[0].headers["Authorization"]
    assert "/cn-north-1/live/request," in authorization and "cn-beijing" not in authorization


def test_volcengine_region_on_the_task_changes_the_credential_scope(run_module):
    run = run_module(pull_record_task_info, dict(VOLC, task_ids=["t1"], region="cn-beijing"), [volc("t1")])
    assert "/cn-beijing/live/request," in run.calls[0].headers["Authorization"]
