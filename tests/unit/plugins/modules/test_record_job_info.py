# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""record_job_info (Alibaba ICE GetLiveRecordJob and Huawei SparkRTC individual-stream jobs) against a fake HTTP layer."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import huawei as huawei_signing
from ansible_collections.mediaops.live_jobs.plugins.modules import record_job_info as module

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.Nk4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz"
HW_AUTH_TOKEN = "MIIZkgYJKoZIhvcNAQcCoIIZgzCCGX8CAQExDTALBglghkgBZQMEAgEwgheoBgkqhkiG9w0BBwGggheZ"
AK = "LTAI5tQ8ExampleAccessKey"
HW_AK = "HPUAQ7XAMPLEACCESSKEY0"
PROJECT = "0123456789abcdef0123456789abcdef"
APP = "5f5e172b9016ed5b0961a43"
ALI = dict(access_key=AK, secret_key=SECRET, region="cn-shanghai")
HW = dict(provider="huawei", access_key=HW_AK, secret_key=SECRET, project_id=PROJECT, app_id=APP)
ICE_SEED_ID = "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66"
ICE_SEED = {
    "RecordJob": {
        "NotifyUrl": "https://example.com/imsnotify",
        "CreateTime": "2022-07-20T02:48:58Z",
        "StreamInput": {"Type": "rtmp", "Url": "rtmp://example.com/app/stream"},
        "RecordOutput": {"Type": "oss", "Bucket": "imsbucket1", "Endpoint": "oss-cn-shanghai.aliyuncs.com"},
        "TemplateId": "69e1f9fe-1e97-11ed-ba64-0c42a1b73d66",
        "TemplateName": "test template",
        "Name": "Live event recording task 1",
        "JobId": ICE_SEED_ID,
        "Status": "paused",
    },
    "RequestId": "B57A046C-CE33-5FBB-B57A-D2B89ACF6907",
}
HW_SEED = {"job_id": 1, "app_id": 1, "room_id": 100, "user_id": "user001", "is_record_audio": True, "video_type": "CAMERASTREAM",
           "select_stream_type": "FHD", "max_idle_time": 30, "record_param": {"record_rule_id": "5f5e172b9016ed5b0961a43"},
           "create_time": "2006-01-02T15:04:05.075Z", "start_time": "2006-01-02T15:04:05.075Z"}


def ice_job(job_id, status="started"):
    body = {"RecordJob": {**ICE_SEED["RecordJob"], "JobId": job_id, "Status": status}, "RequestId": f"REQ-{job_id}"}
    return (200, body)


def hw_job(job_id, state="RUNNING"):
    return (200, {**HW_SEED, "job_id": job_id, "state": state, "stream_name": f"stream-{job_id}"}, {"X-Request-Id": f"HWREQ-{job_id}"})


def ali_error(status, code, message="m", request_id="ERR-REQ-1"):
    return (status, {"RequestId": request_id, "HostId": "ice.cn-shanghai.aliyuncs.com", "Code": code, "Message": message})


def hw_error(status, code, message="m", request_id="0f1e2d3c4b5a", headers=None):
    return (status, {"error_code": code, "error_msg": message}, {"X-Request-Id": request_id, **(headers or {})})


# --- Alibaba ICE ----------------------------------------------------------------------------------------------------


def test_ice_seed_example(run_module):
    run = run_module(module, dict(ALI, job_ids=[ICE_SEED_ID]), [(200, ICE_SEED)])
    (found,) = run.result["jobs"]
    assert found["job_id"] == ICE_SEED_ID
    assert (found["provider"], found["service"], found["kind"]) == ("alibaba", "ice", "record")
    assert (found["status"], found["provider_status"]) == ("paused", "paused")
    assert found["name"] == "Live event recording task 1"
    assert found["input_url"] == "rtmp://example.com/app/stream"
    assert (found["template_id"], found["template_name"]) == ("69e1f9fe-1e97-11ed-ba64-0c42a1b73d66", "test template")
    assert found["created_at"] == "2022-07-20T02:48:58Z"
    assert found["request_id"] == "B57A046C-CE33-5FBB-B57A-D2B89ACF6907"
    assert found["details"]["record_output"]["bucket"] == "imsbucket1"
    assert run.result["summary"] == {"total": 1, "by_status": {"paused": 1}}
    (call,) = run.calls
    assert call.method == "GET" and call.headers["x-acs-action"] == "GetLiveRecordJob"
    assert urlsplit(call.url).netloc == "ice.cn-shanghai.aliyuncs.com"
    assert call.headers["Authorization"].startswith(f"ACS3-HMAC-SHA256 Credential={AK},SignedHeaders=")


@pytest.mark.parametrize("raw, normalized", [("initial", "pending"), ("started", "running"), ("paused", "paused")])
def test_ice_every_status(run_module, raw, normalized):
    run = run_module(module, dict(ALI, job_id="j1"), [ice_job("j1", raw)])
    assert (run.result["jobs"][0]["status"], run.result["jobs"][0]["provider_status"]) == (normalized, raw)
    assert run.warnings == []


ICE_ERRORS = [
    (404, "JobNotFound", "No such job.", None),
    (400, "MissingParameter", "JobId is mandatory for this action.", False),
    (400, "InvalidParameter", "The specified parameter JobId is not valid.", False),
    (403, "Forbidden.RAM", "User not authorized to operate on the specified resource.", False),
    (400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", False),
    (400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", False),
    # Throttling.User moved to test_ice_throttling_is_retried_until_the_deadline (issue 13)
    (500, "InternalError", "The request processing has failed due to some unknown error.", True),
    (503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.", True),
]


@pytest.mark.parametrize("status, code, message, retryable", ICE_ERRORS, ids=[c[1] for c in ICE_ERRORS])
def test_ice_error_codes(run_module, status, code, message, retryable):
    run = run_module(module, dict(ALI, job_ids=["j1"], retries=2), [ali_error(status, code, message, "RID-9")] * 3)
    result = run.result
    if retryable is None:  # not found
        assert "failed" not in result and result["missing_ids"] == ["j1"] and len(run.calls) == 1
        return
    assert result["failed"] is True
    assert result["error"]["code"] == code and result["error"]["http_status"] == status
    assert result["error"]["request_id"] == "RID-9" and result["error"]["retryable"] is retryable
    assert result["error"]["message"].startswith(message)
    assert all(part in result["msg"] for part in (code, f"HTTP status {status}", "request id RID-9", "j1"))
    assert len(run.calls) == (3 if retryable else 1)


ICE_THROTTLING = [
    (400, "Throttling.User", "Request was denied due to user flow control."),
    # ICE's own dialect (IMS error table), issue 13
    (403, "RequestsTooFrequent", "Request was denied due to request throttling."),
]


@pytest.mark.parametrize("status, code, message", ICE_THROTTLING, ids=[c[1] for c in ICE_THROTTLING])
def test_ice_throttling_is_retried_until_the_deadline(run_module, fake_clock, status, code, message):
    """Issue 13: a throttled request is retried while the task's deadline lasts, not `retries` times (it used to fail
    after 1 + retries calls with the throttling error itself); when the deadline runs out the id fails with
    DeadlineExceeded naming the throttling error."""
    start = fake_clock.now
    run = run_module(module, dict(ALI, job_ids=["j1"], retries=2, deadline=5), lambda job_id, call: ali_error(status, code, message, "RID-9"))
    result = run.result
    assert result["failed"] is True and result["failed_ids"] == ["j1"]
    assert result["error"]["code"] == "DeadlineExceeded" and result["error"]["provider"] == "alibaba"
    assert code in result["error"]["message"] and code in result["msg"] and "j1" in result["msg"]
    assert len(run.calls) > 3, "more than 1 + retries attempts"
    assert result["api_calls"]["throttled"] == len(run.calls)
    assert fake_clock.now - start <= 5.0


@pytest.mark.parametrize("status, code, message", ICE_THROTTLING, ids=[c[1] for c in ICE_THROTTLING])
def test_ice_throttling_is_never_a_failure_while_time_lasts(run_module, status, code, message):
    script = [ali_error(status, code, message)] * 8 + [ice_job("j1")]
    run = run_module(module, dict(ALI, job_ids=["j1"], retries=1), script)
    assert "failed" not in run.result and run.result["jobs"][0]["job_id"] == "j1"
    assert run.result["api_calls"] == {"requests": 9, "retries": 8, "throttled": 8}


def test_ice_retries_visible(run_module, fake_clock):
    run = run_module(module, dict(ALI, job_ids=["j1"]), [ali_error(429, "Throttling.Api"), ice_job("j1")])
    assert run.result["api_calls"] == {"requests": 2, "retries": 1, "throttled": 1}
    assert len([s for s in fake_clock.sleeps if s > 0]) >= 1


def test_ice_wait_for_status(run_module, fake_clock):
    answers = {"j1": ["initial", "started"]}
    run = run_module(module, dict(ALI, job_ids=["j1"], wait_for_status="running", wait_interval=4),
                     lambda job_id, call: ice_job(job_id, answers[job_id].pop(0)))
    assert run.result["jobs"][0]["status"] == "running"
    assert len(run.calls) == 2
    assert [s for s in fake_clock.sleeps if s >= 1] == [4]


# --- Huawei -------------------------------------------------------------------------------------------------------


def test_huawei_seed_example(run_module):
    run = run_module(module, dict(HW, job_ids=["1"]), [(200, HW_SEED, {"X-request-Id": "HW-SEED-REQ"})])
    (found,) = run.result["jobs"]
    assert found["job_id"] == "1"
    assert (found["provider"], found["service"], found["kind"]) == ("huawei", "rtc", "record")
    assert found["status"] == "unknown" and found["provider_status"] is None  # the seed example has no state
    assert found["created_at"] == "2006-01-02T15:04:05.075Z"
    assert found["started_at"] == "2006-01-02T15:04:05.075Z"
    assert any("status" in warning for warning in run.warnings)
    assert found["request_id"] == "HW-SEED-REQ"
    assert found["details"]["app_id"] == "1" and found["details"]["room_id"] == "100"
    (call,) = run.calls
    assert call.method == "GET"
    assert call.url == f"https://rtc-api.myhuaweicloud.com/v2/apps/{APP}/individual-stream-jobs/1"
    assert call.headers["X-Project-Id"] == PROJECT
    assert call.headers["Authorization"].startswith(f"SDK-HMAC-SHA256 Access={HW_AK}, SignedHeaders=")


@pytest.mark.parametrize("state, normalized", [("INIT", "pending"), ("RUNNING", "running"), ("STOPPED", "stopped")])
def test_huawei_every_status(run_module, state, normalized):
    run = run_module(module, dict(HW, job_id="j1"), [hw_job("j1", state)])
    assert (run.result["jobs"][0]["status"], run.result["jobs"][0]["provider_status"]) == (normalized, state)
    assert run.result["jobs"][0]["request_id"] == "HWREQ-j1"


HW_ERRORS = [
    (404, "RTC.00001003", "InvalidParameterValue", None),
    (500, "RTC.00002xxx", "InternalError", True),
    # APIG.0308 moved to test_huawei_throttling_is_retried_until_the_deadline (issue 13)
    (401, "APIG.0301", "Incorrect IAM authentication information: verify aksk signature fail", False),
]


@pytest.mark.parametrize("status, code, message, retryable", HW_ERRORS, ids=[c[1] for c in HW_ERRORS])
def test_huawei_error_codes(run_module, status, code, message, retryable):
    run = run_module(module, dict(HW, job_ids=["j1"], retries=1), [hw_error(status, code, message, "HWRID-7")] * 2)
    result = run.result
    if retryable is None:
        assert "failed" not in result and result["missing_ids"] == ["j1"] and len(run.calls) == 1
        assert result["errors"]["j1"]["code"] == code
        return
    assert result["failed"] is True
    assert result["error"] == {"provider": "huawei", "code": code, "message": message, "http_status": status,
                               "request_id": "HWRID-7", "retryable": retryable}
    assert all(part in result["msg"] for part in (code, f"HTTP status {status}", "request id HWRID-7"))
    assert len(run.calls) == (2 if retryable else 1)


def test_huawei_throttling_is_retried_until_the_deadline(run_module, fake_clock):
    """Issue 13 (was the APIG.0308 row of HW_ERRORS: 2 calls with retries=1, then failed with APIG.0308)."""
    message = "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second"
    run = run_module(module, dict(HW, job_ids=["j1"], retries=1, deadline=8), lambda job_id, call: hw_error(429, "APIG.0308", message, "HWRID-7"))
    result = run.result
    assert result["failed"] is True and result["failed_ids"] == ["j1"]
    assert result["error"]["code"] == "DeadlineExceeded" and result["error"]["provider"] == "huawei"
    assert "APIG.0308" in result["msg"]
    assert len(run.calls) > 2


def test_huawei_not_found_fail_on_missing(run_module):
    run = run_module(module, dict(HW, job_ids=["j1"], fail_on_missing=True), [hw_error(404, "RTC.00001003", "InvalidParameterValue", "HWRID-1")])
    assert run.result["failed"] is True
    assert "RTC.00001003" in run.result["msg"]


def test_huawei_not_found_fail_on_missing_names_the_request_id(run_module):
    run = run_module(module, dict(HW, job_ids=["j1"], fail_on_missing=True), [hw_error(404, "RTC.00001003", "InvalidParameterValue", "HWRID-1")])
    assert "HWRID-1" in run.result["msg"]


def test_huawei_throttling_honours_retry_after(run_module, fake_clock):
    run = run_module(module, dict(HW, job_ids=["j1"]), [hw_error(429, "APIG.0308", "over ratelimit", "R", {"Retry-After": "3"}), hw_job("j1")])
    assert run.result["jobs"][0]["status"] == "running"
    # issue 13: Retry-After is a debt in the adaptive limiter, paid before the next request's own slot: the wait is
    # 3 s plus one slot at the lowered rate (it was exactly 3.0 from the backoff)
    assert any(3.0 <= s < 3.5 for s in fake_clock.sleeps), fake_clock.sleeps
    assert run.result["api_calls"] == {"requests": 2, "retries": 1, "throttled": 1}


@pytest.mark.parametrize("job_id, encoded", [
    ("../x", "..%2Fx"),
    ("a/b", "a%2Fb"),
    ("a b", "a%20b"),
    ("..", "%2E%2E"),
    ("a?b#c", "a%3Fb%23c"),
    ("作业", "%E4%BD%9C%E4%B8%9A"),
])
def test_huawei_path_encodes_ids(run_module, job_id, encoded):
    run = run_module(module, dict(HW, job_ids=[job_id]), [hw_job(job_id)])
    (call,) = run.calls
    path = urlsplit(call.url).path
    assert path == f"/v2/apps/{APP}/individual-stream-jobs/{encoded}"
    assert path.count("/") == 5, "an id must never add a path segment"
    assert urlsplit(call.url).query == ""
    headers = {k: v for k, v in call.headers.items() if k != "Authorization"}
    names, signature = huawei_signing.huawei_signature("GET", path, {}, headers, hashlib.sha256(b"").hexdigest(), SECRET, headers["X-Sdk-Date"])
    assert call.headers["Authorization"] == f"SDK-HMAC-SHA256 Access={HW_AK}, SignedHeaders={names}, Signature={signature}"


def test_huawei_app_id_is_encoded_too(run_module):
    run = run_module(module, dict(HW, app_id="app/../1", job_ids=["j1"]), [hw_job("j1")])
    assert urlsplit(run.calls[0].url).path == "/v2/apps/app%2F..%2F1/individual-stream-jobs/j1"


def test_huawei_token_auth(run_module):
    run = run_module(module, dict(provider="huawei", app_id=APP, auth_token=HW_AUTH_TOKEN, job_ids=["j1"]), [hw_job("j1")])
    (call,) = run.calls
    assert call.headers["X-Auth-Token"] == HW_AUTH_TOKEN
    assert "Authorization" not in call.headers
    assert run.result["jobs"][0]["job_id"] == "j1"


def test_huawei_credentials_from_env_with_security_token(run_module):
    env = {"HUAWEICLOUD_SDK_AK": HW_AK, "HUAWEICLOUD_SDK_SK": SECRET, "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT,
           "HUAWEICLOUD_SDK_SECURITY_TOKEN": TOKEN}
    run = run_module(module, dict(provider="huawei", app_id=APP, job_ids=["j1"], access_key="", secret_key=""), [hw_job("j1")], env=env)
    (call,) = run.calls
    assert call.headers["X-Security-Token"] == TOKEN
    assert "x-security-token" in call.headers["Authorization"]


def test_huawei_env_secret_is_masked_even_if_echoed(run_module):
    env = {"HUAWEICLOUD_SDK_AK": HW_AK, "HUAWEICLOUD_SDK_SK": SECRET, "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT}
    run = run_module(module, dict(provider="huawei", app_id=APP, job_ids=["j1"]),
                     [hw_error(401, "APIG.0301", f"verify aksk signature fail for sk {SECRET}", "R")], env=env)
    assert run.result["failed"] is True
    assert "APIG.0301" in run.result["msg"]
    # run_module already asserted SECRET is absent from stdout


@pytest.mark.parametrize("args, option, words", [
    (dict(provider="huawei", access_key=HW_AK, secret_key=SECRET, project_id=PROJECT, job_ids=["j1"]), "app_id", ["app_id"]),
    (dict(provider="huawei", access_key=HW_AK, secret_key=SECRET, project_id=PROJECT, app_id="  ", job_ids=["j1"]), "app_id", ["app_id"]),
    (dict(provider="huawei", access_key=HW_AK, secret_key=SECRET, app_id=APP, job_ids=["j1"]), "project_id", ["HUAWEICLOUD_SDK_PROJECT_ID"]),
    (dict(provider="huawei", app_id=APP, job_ids=["j1"]), "access_key", ["HUAWEICLOUD_SDK_AK", "auth_token"]),
    (dict(provider="huawei", access_key=HW_AK, app_id=APP, project_id=PROJECT, job_ids=["j1"]), "secret_key", ["HUAWEICLOUD_SDK_SK"]),
    (dict(ALI, job_ids=[]), "job_ids", []),
    (dict(ALI, job_ids=[" "]), "job_ids", []),
    (dict(ALI, job_ids=["y" * 129]), "job_ids", ["128"]),
    (dict(ALI, job_ids=["a\tb"]), "job_ids", ["control"]),
    (dict(HW, job_ids=["a\rb"]), "job_ids", ["control"]),
    (dict(ALI, job_ids=["a"], wait_for_status="started"), "wait_for_status", []),
    (dict(ALI, job_ids=["a"], provider="aws"), "provider", []),
    (dict(ALI, job_ids=["a"], max_concurrency="lots"), "max_concurrency", []),
])
def test_bad_input(run_module, args, option, words):
    run = run_module(module, args, [])
    assert run.result["failed"] is True
    assert option in run.result["msg"]
    for word in words:
        assert word in run.result["msg"]
    assert run.calls == []


def test_ice_query_cannot_gain_parameters(run_module):
    ids = ["a&Action=DeleteLiveRecordJob", "b+c", "50%off", "d e", "录制"]
    run = run_module(module, dict(ALI, job_ids=ids, max_concurrency=1), lambda job_id, call: ice_job(job_id))
    for job_id, call in zip(ids, run.calls):
        assert parse_qs(urlsplit(call.url).query, keep_blank_values=True) == {"JobId": [job_id]}
    assert [j["job_id"] for j in run.result["jobs"]] == ids


def test_huawei_has_no_list_mode(run_module):
    run = run_module(module, dict(HW), [])
    assert run.result["failed"] is True and run.result["option"] == "job_ids"
    assert "huawei has no List call" in run.result["msg"]
    assert run.calls == []
