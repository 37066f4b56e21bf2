# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""pull_record_task_info (Volcengine Live GetPullRecordTask) against a fake HTTP layer."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import volcengine as volc_signing
from ansible_collections.mediaops.live_jobs.plugins.modules import pull_record_task_info as module

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.Nk4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz"
AK = "AKLTZjY4ZmExampleAccessKey0001"
ARGS = dict(access_key=AK, secret_key=SECRET)
SEED_ID = "5b903f78c7f5ae*******01f6fe2eea"
META = {"RequestId": "202306041104200100100232280022D31", "Action": "GetPullRecordTask", "Version": "2023-01-01",
        "Service": "live", "Region": "cn-north-1"}
SEED_RESULT = {"TaskId": SEED_ID, "StartTime": "2023-10-09T15:16:15+08:00", "EndTime": "2023-10-09T15:18:28+08:00",
               "Vhost": "example.com", "Domain": "pull.example.com", "App": "live", "Stream": "example_stream", "Status": "生效中"}
SEED = {"ResponseMetadata": META, "Result": SEED_RESULT}


def task(task_id, status="生效中", wrapped=False):
    result = {**SEED_RESULT, "TaskId": task_id, "Status": status}
    if wrapped:
        result = {"TaskDetail": {k: v for k, v in result.items() if k != "Stream"}}
    return (200, {"ResponseMetadata": {**META, "RequestId": f"REQ-{task_id}"}, "Result": result})


def error(status, code, message="-", request_id="VERR-1"):
    return (status, {"ResponseMetadata": {**META, "RequestId": request_id, "Error": {"CodeN": 100023, "Code": code, "Message": message}}})


def test_seed_example(run_module):
    run = run_module(module, dict(ARGS, task_ids=[SEED_ID]), [(200, SEED)])
    (found,) = run.result["jobs"]
    assert found["job_id"] == SEED_ID
    assert (found["provider"], found["service"], found["kind"]) == ("volcengine", "live", "pull_record")
    assert (found["status"], found["provider_status"]) == ("running", "生效中")
    assert (found["started_at"], found["stopped_at"]) == ("2023-10-09T07:16:15Z", "2023-10-09T07:18:28Z")
    assert found["request_id"] == "202306041104200100100232280022D31"
    assert found["details"]["stream"] == "example_stream" and found["details"]["vhost"] == "example.com"
    (call,) = run.calls
    assert call.method == "POST"
    assert urlsplit(call.url).netloc == "live.volcengineapi.com"
    assert parse_qs(urlsplit(call.url).query) == {"Action": ["GetPullRecordTask"], "Version": ["2023-01-01"]}
    assert json.loads(call.data) == {"TaskID": SEED_ID}


@pytest.mark.parametrize("alias", ["job_ids", "job_id", "task_ids", "task_id"])
def test_id_aliases(run_module, alias):
    run = run_module(module, dict(ARGS, **{alias: "t1"}), [task("t1")])
    assert run.result["jobs"][0]["job_id"] == "t1"


@pytest.mark.parametrize("raw, normalized", [("未开始", "pending"), ("生效中", "running"), ("停用", "stopped"), ("已结束", "finished")])
@pytest.mark.parametrize("wrapped", [False, True], ids=["flat", "TaskDetail"])
def test_every_status(run_module, raw, normalized, wrapped):
    run = run_module(module, dict(ARGS, task_id="t1"), [task("t1", raw, wrapped)])
    assert (run.result["jobs"][0]["status"], run.result["jobs"][0]["provider_status"]) == (normalized, raw)
    assert run.result["jobs"][0]["job_id"] == "t1"
    assert run.warnings == []


SEED_ERRORS = [
    (200, "CommonErr", "-", True),
    (400, "InvalidParam", "-", False),
    (400, "InvalidParam.BindError", "Request parameter error, please check input data", False),
    (403, "RequestForbidden", "-", False),
    (403, "RequestForbidden.AccountIDNotAllow",
     "this AccountID does not have permission to access the corresponding resource, please check the request parameters", False),
    (403, "RequestForbidden.BillingStatus", "Billing status is not available for the AccountID, please activate the service or recharge.", False),
    (404, "ResourceNotFound", "-", None),
    (500, "InternalError", "an internal error occurred, please contact the administrator.", True),
    (502, "InternalServiceError", "an internal error occurred, please contact the administrator.", True),
    (502, "InternalServiceError.BadResponse", "an internal error occurred, please contact the administrator.", True),
    (504, "InternalServiceTimeout", "Internal Service is timeout. please contact the administrator.", True),
    # FlowLimitExceeded / AccountFlowLimitExceeded moved to test_flow_limits_are_retried_until_the_deadline (issue 13)
]


@pytest.mark.parametrize("status, code, message, retryable", SEED_ERRORS, ids=[f"{c[0]}-{c[1]}" for c in SEED_ERRORS])
def test_seed_error_codes(run_module, status, code, message, retryable):
    run = run_module(module, dict(ARGS, task_ids=["t1"], retries=2), [error(status, code, message, "VRID-3")] * 3)
    result = run.result
    if retryable is None:
        assert "failed" not in result and result["missing_ids"] == ["t1"] and len(run.calls) == 1
        assert result["errors"]["t1"]["code"] == code
        return
    assert result["failed"] is True
    assert result["error"] == {"provider": "volcengine", "code": code, "message": message, "http_status": status,
                               "request_id": "VRID-3", "retryable": retryable}
    assert all(part in result["msg"] for part in (code, f"HTTP status {status}", "request id VRID-3", "t1"))
    assert len(run.calls) == (3 if retryable else 1)


FLOW_LIMITS = [
    (429, "FlowLimitExceeded", "请求过于频繁，超出基本调用频率限制"),
    (429, "AccountFlowLimitExceeded", "too many requests"),
]


@pytest.mark.parametrize("status, code, message", FLOW_LIMITS, ids=[c[1] for c in FLOW_LIMITS])
def test_flow_limits_are_retried_until_the_deadline(run_module, fake_clock, status, code, message):
    """Issue 13: these rows of SEED_ERRORS failed after 1 + retries = 3 calls with the flow-limit error itself; a
    throttled request is now retried while the deadline lasts, then fails with DeadlineExceeded naming it."""
    start = fake_clock.now
    run = run_module(module, dict(ARGS, task_ids=["t1"], retries=2, deadline=6), lambda job_id, call: error(status, code, message, "VRID-3"))
    result = run.result
    assert result["failed"] is True and result["failed_ids"] == ["t1"]
    assert result["error"]["code"] == "DeadlineExceeded" and result["error"]["provider"] == "volcengine"
    assert code in result["msg"] and "t1" in result["msg"]
    assert len(run.calls) > 3
    assert fake_clock.now - start <= 6.0


@pytest.mark.parametrize("status, code, message", FLOW_LIMITS, ids=[c[1] for c in FLOW_LIMITS])
def test_flow_limits_are_never_a_failure_while_time_lasts(run_module, status, code, message):
    run = run_module(module, dict(ARGS, task_ids=["t1"], retries=2), [error(status, code, message)] * 7 + [task("t1")])
    assert "failed" not in run.result and run.result["jobs"][0]["job_id"] == "t1"
    assert run.result["api_calls"] == {"requests": 8, "retries": 7, "throttled": 7}


def test_common_err_on_200_then_success(run_module, fake_clock):
    run = run_module(module, dict(ARGS, task_ids=["t1"]), [error(200, "CommonErr"), task("t1")])
    assert run.result["jobs"][0]["status"] == "running"
    assert run.result["api_calls"] == {"requests": 2, "retries": 1, "throttled": 0}


def test_flow_limit_retry_after(run_module, fake_clock):
    throttled = (429, error(429, "FlowLimitExceeded")[1], {"Retry-After": "2"})
    run = run_module(module, dict(ARGS, task_ids=["t1"]), [throttled, throttled, task("t1")])
    assert run.result["api_calls"] == {"requests": 3, "retries": 2, "throttled": 2}
    # issue 13: each Retry-After of 2 s is a debt in the adaptive limiter, paid before the next request's own slot,
    # so each wait is 2 s plus one slot at the lowered rate (they were exactly 2.0 from the backoff)
    assert len([s for s in fake_clock.sleeps if 2.0 <= s < 2.5]) == 2, fake_clock.sleeps


def test_resource_not_found_fail_on_missing(run_module):
    run = run_module(module, dict(ARGS, task_ids=["t1"], fail_on_missing=True), [error(404, "ResourceNotFound", "-", "NF-REQ")])
    assert run.result["failed"] is True
    assert "t1" in run.result["msg"] and "ResourceNotFound" in run.result["msg"]


def test_resource_not_found_fail_on_missing_names_the_request_id(run_module):
    run = run_module(module, dict(ARGS, task_ids=["t1"], fail_on_missing=True), [error(404, "ResourceNotFound", "-", "NF-REQ")])
    assert "NF-REQ" in run.result["msg"]


@pytest.mark.parametrize("task_id", ['a"b', "a\\b", "任务-1", "x y+z&w=1", "'; DROP"])
def test_signature_covers_the_exact_body(run_module, task_id):
    run = run_module(module, dict(ARGS, task_ids=[task_id], security_token=TOKEN), [task(task_id)])
    (call,) = run.calls
    assert json.loads(call.data.decode("utf-8")) == {"TaskID": task_id}
    assert call.headers["X-Content-Sha256"] == hashlib.sha256(call.data).hexdigest()
    assert call.headers["X-Security-Token"] == TOKEN
    auth = call.headers["Authorization"]
    assert auth.startswith(f"HMAC-SHA256 Credential={AK}/") and "/cn-north-1/live/request, SignedHeaders=" in auth
    signed = {k: v for k, v in call.headers.items() if volc_signing.sdk_signs_header(k)}
    names, signature = volc_signing.volc_signature("POST", "/", {"Action": "GetPullRecordTask", "Version": "2023-01-01"}, signed,
                                                   hashlib.sha256(call.data).hexdigest(), SECRET, call.headers["X-Date"], "cn-north-1", "live")
    assert auth.endswith(f"SignedHeaders={names}, Signature={signature}")
    assert "x-security-token" in names and "x-content-sha256" in names


def test_credentials_from_env_and_region(run_module):
    env = {"VOLCENGINE_ACCESS_KEY": "", "VOLC_ACCESSKEY": AK, "VOLCENGINE_SECRET_KEY": "", "VOLC_SECRETKEY": SECRET,
           "VOLCENGINE_SESSION_TOKEN": TOKEN, "VOLCENGINE_REGION": "cn-beijing"}
    run = run_module(module, dict(task_ids=["t1"]), [task("t1")], env=env)
    (call,) = run.calls
    assert call.headers["Authorization"].startswith(f"HMAC-SHA256 Credential={AK}/")
    # issue 13: VOLCENGINE_REGION no longer changes the signing region (it was /cn-beijing/live/request)
    assert "/cn-north-1/live/request" in call.headers["Authorization"]
    assert "cn-beijing" not in call.headers["Authorization"]


def test_region_option_on_the_task_changes_the_signing_region(run_module):
    run = run_module(module, dict(ARGS, task_ids=["t1"], region="cn-beijing"), [task("t1")], env={"VOLCENGINE_REGION": "cn-shanghai"})
    (call,) = run.calls
    assert "/cn-beijing/live/request" in call.headers["Authorization"]
    assert urlsplit(call.url).netloc == "live.volcengineapi.com", "the host does not depend on the region"


def test_env_secret_masked_even_if_echoed(run_module):
    env = {"VOLCENGINE_ACCESS_KEY": AK, "VOLCENGINE_SECRET_KEY": SECRET}
    run = run_module(module, dict(task_ids=["t1"]), [error(401, "SignatureDoesNotMatch", f"expected signature with key {SECRET}")], env=env)
    assert run.result["failed"] is True
    assert "SignatureDoesNotMatch" in run.result["msg"]


@pytest.mark.parametrize("args, option, words", [
    (dict(ARGS, task_ids=[]), "job_ids", []),
    (dict(ARGS, task_ids=["\t  "]), "job_ids", []),
    (dict(ARGS, task_ids=["t" * 129]), "job_ids", ["128"]),
    (dict(ARGS, task_ids=["t\u0085x"]), "job_ids", ["control"]),
    (dict(ARGS, task_ids=["t1"], status=["running"]), "status", ["list mode"]),
    (dict(task_ids=["t1"]), "access_key", ["VOLCENGINE_ACCESS_KEY", "VOLC_ACCESSKEY"]),
    (dict(access_key=AK, task_ids=["t1"]), "secret_key", ["VOLCENGINE_SECRET_KEY", "VOLC_SECRETKEY"]),
    (dict(ARGS, task_ids=["t1"], wait_for_status="生效中"), "wait_for_status", []),
    (dict(ARGS, task_ids=["t1"], rate_limit="fast"), "rate_limit", []),
    (dict(ARGS, task_ids=["t1"], max_concurrency=65), "max_concurrency", []),
])
def test_bad_input(run_module, args, option, words):
    run = run_module(module, args, [])
    assert run.result["failed"] is True
    assert option in run.result["msg"]
    for word in words:
        assert word in run.result["msg"]
    assert run.calls == []


def test_wait_for_status_finished(run_module, fake_clock):
    answers = {"t1": ["生效中", "生效中", "已结束"]}
    run = run_module(module, dict(ARGS, task_ids=["t1"], wait_for_status="finished", wait_interval=30, wait_timeout=120),
                     lambda job_id, call: task(job_id, answers[job_id].pop(0)))
    assert run.result["jobs"][0]["status"] == "finished"
    assert [s for s in fake_clock.sleeps if s >= 1] == [30, 30]


def test_default_rate_limit_is_ten_per_second(run_module, fake_clock):
    ids = [f"t{n}" for n in range(11)]
    start = fake_clock.now
    run = run_module(module, dict(ARGS, task_ids=ids, max_concurrency=1), lambda job_id, call: task(job_id))
    assert len(run.calls) == 11
    assert fake_clock.now - start == pytest.approx(1.0)  # 11 requests at 10/s span exactly 1 s


def test_rate_limit_option(run_module, fake_clock):
    ids = [f"t{n}" for n in range(5)]
    start = fake_clock.now
    run_module(module, dict(ARGS, task_ids=ids, rate_limit=2, max_concurrency=1), lambda job_id, call: task(job_id))
    assert fake_clock.now - start == pytest.approx(2.0)
