# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""edge_transcode_job_info (Alibaba ApsaraVideo Live GetEdgeTranscodeJob) against a fake HTTP layer."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import alibaba as alibaba_signing
from ansible_collections.mediaops.live_jobs.plugins.modules import edge_transcode_job_info as module

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
AK = "LTAI5tQ8ExampleAccessKey"
CLUSTER = "******3b-4d18-395c-8106-ff21a6******"
ARGS = dict(access_key=AK, secret_key=SECRET, cluster_id=CLUSTER)
SEED_ID = "****20b48fb04483915d4f2cd8ac****"
SEED_JOB = {
    "CreateTime": "2023-07-24T16:44:55Z",
    "JobId": SEED_ID,
    "LastStartAt": "2023-07-25T02:48:58Z",
    "LastStopAt": "2023-07-25T05:48:58Z",
    "Name": "my_job",
    "Status": "0",
    "StreamInput": "rtmp://mydomain/app/stream1",
    "StreamOutput": "rtmp://testdomain/app/stream2",
    "TemplateId": "9b1571b513cb44f7a1ba6ae561ff****",
    "TemplateName": "my_template",
    "Type": "common",
}
SEED = {"Job": SEED_JOB, "RequestId": "******3B-0E1A-586A-AC29-742247******"}


def job(job_id, status="1", **extra):
    return (200, {"Job": {**SEED_JOB, "JobId": job_id, "Status": status, **extra}, "RequestId": f"REQ-{job_id}"})


def error(status, code, message="m", request_id="ERR-1"):
    return (status, {"RequestId": request_id, "HostId": "live.aliyuncs.com", "Code": code, "Message": message})


def test_seed_example(run_module):
    run = run_module(module, dict(ARGS, job_ids=[SEED_ID]), [(200, SEED)])
    (found,) = run.result["jobs"]
    assert (found["provider"], found["service"], found["kind"]) == ("alibaba", "live", "edge_transcode")
    assert (found["status"], found["provider_status"]) == ("stopped", "0")  # "0" after it has run
    assert found["name"] == "my_job" and found["input_url"] == "rtmp://mydomain/app/stream1"
    assert (found["template_id"], found["template_name"]) == ("9b1571b513cb44f7a1ba6ae561ff****", "my_template")
    assert (found["created_at"], found["started_at"], found["stopped_at"]) == ("2023-07-24T16:44:55Z", "2023-07-25T02:48:58Z", "2023-07-25T05:48:58Z")
    assert found["request_id"] == "******3B-0E1A-586A-AC29-742247******"
    assert found["details"]["stream_output"] == "rtmp://testdomain/app/stream2"
    (call,) = run.calls
    assert call.method == "POST"
    assert urlsplit(call.url).netloc == "live.aliyuncs.com"
    assert parse_qs(urlsplit(call.url).query) == {"ClusterId": [CLUSTER], "JobId": [SEED_ID]}
    assert call.data is None
    assert call.headers["x-acs-action"] == "GetEdgeTranscodeJob" and call.headers["x-acs-version"] == "2016-11-01"
    headers = {k: v for k, v in call.headers.items() if k != "Authorization"}
    names, signature = alibaba_signing.acs3_signature("POST", "/", {"ClusterId": CLUSTER, "JobId": SEED_ID}, headers, headers["x-acs-content-sha256"], SECRET)
    assert call.headers["Authorization"] == f"ACS3-HMAC-SHA256 Credential={AK},SignedHeaders={names},Signature={signature}"


@pytest.mark.parametrize("raw, extra, normalized", [
    ("1", {}, "running"),
    ("0", {}, "stopped"),
    ("0", {"LastStartAt": "", "LastStopAt": ""}, "pending"),
    ("0", {"LastStartAt": None}, "pending"),
])
def test_every_status(run_module, raw, extra, normalized):
    body = {k: v for k, v in {**SEED_JOB, "JobId": "j1", "Status": raw, **extra}.items() if v is not None}
    run = run_module(module, dict(ARGS, job_id="j1"), [(200, {"Job": body, "RequestId": "R"})])
    assert (run.result["jobs"][0]["status"], run.result["jobs"][0]["provider_status"]) == (normalized, raw)


SEED_ERRORS = [
    (400, "MissingParameter", "ClusterId.", False),
    (403, "OperationDenied", "Denied, please check and try again later.", False),
    (404, "JobNotFound", "Job not found, please check and try again later.", None),
    # Throttling.User moved to test_throttling_is_retried_until_the_deadline (issue 13)
    (500, "InternalError", "The request processing has failed due to some unknown error.", True),
]


@pytest.mark.parametrize("status, code, message, retryable", SEED_ERRORS, ids=[c[1] for c in SEED_ERRORS])
def test_seed_error_codes(run_module, status, code, message, retryable):
    run = run_module(module, dict(ARGS, job_ids=["j1"], retries=3), [error(status, code, message, "RID-E")] * 4)
    result = run.result
    if retryable is None:
        assert "failed" not in result and result["missing_ids"] == ["j1"] and len(run.calls) == 1
        return
    assert result["failed"] is True
    assert result["error"] == {"provider": "alibaba", "code": code, "message": message, "http_status": status,
                               "request_id": "RID-E", "retryable": retryable}
    assert all(part in result["msg"] for part in (code, f"HTTP status {status}", "request id RID-E"))
    assert len(run.calls) == (4 if retryable else 1)


def test_throttling_is_retried_until_the_deadline(run_module, fake_clock):
    """Issue 13 (was the Throttling.User row of SEED_ERRORS: 4 calls with retries=3, then failed with Throttling.User)."""
    message = "Request was denied due to user flow control."
    start = fake_clock.now
    run = run_module(module, dict(ARGS, job_ids=["j1"], retries=3, deadline=4), lambda job_id, call: error(400, "Throttling.User", message, "RID-E"))
    result = run.result
    assert result["failed"] is True and result["failed_ids"] == ["j1"]
    assert result["error"]["code"] == "DeadlineExceeded" and result["error"]["provider"] == "alibaba"
    assert "Throttling.User" in result["msg"]
    assert len(run.calls) > 4
    assert fake_clock.now - start <= 4.0
    throttled_then_ok = run_module(module, dict(ARGS, job_ids=["j1"], retries=3), [error(400, "Throttling.User", message)] * 6 + [job("j1")])
    assert throttled_then_ok.result["jobs"][0]["status"] == "running"
    assert throttled_then_ok.result["api_calls"] == {"requests": 7, "retries": 6, "throttled": 6}


@pytest.mark.parametrize("args, option", [
    (dict(access_key=AK, secret_key=SECRET, job_ids=["j1"]), "cluster_id"),
    (dict(ARGS, cluster_id="", job_ids=["j1"]), "cluster_id"),
    (dict(ARGS, cluster_id="   ", job_ids=["j1"]), "cluster_id"),
    (dict(ARGS, job_ids=[]), "job_ids"),
    (dict(ARGS, job_ids=["", "x"]), "job_ids"),
    (dict(ARGS, job_ids=["z" * 200]), "job_ids"),
    (dict(ARGS, job_ids=["a\x1bb"]), "job_ids"),
    (dict(ARGS, job_ids=["j"], wait_for_status="1"), "wait_for_status"),
    (dict(ARGS, job_ids=["j"], wait_timeout="forever"), "wait_timeout"),
    (dict(ARGS, job_ids=["j"], fail_on_missing="sometimes"), "fail_on_missing"),
    (dict(cluster_id=CLUSTER, job_ids=["j"]), "access_key"),
])
def test_bad_input(run_module, args, option):
    run = run_module(module, args, [])
    assert run.result["failed"] is True
    assert option in run.result["msg"]
    assert run.calls == []


def test_missing_credentials_name_env_vars(run_module):
    run = run_module(module, dict(cluster_id=CLUSTER, job_ids=["j"]), [], env={"ALIBABA_CLOUD_ACCESS_KEY_ID": ""})
    for name in ("access_key", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"):
        assert name in run.result["msg"]


@pytest.mark.parametrize("region, host, region_param", [
    (None, "live.aliyuncs.com", None),
    ("cn-shanghai", "live.aliyuncs.com", "cn-shanghai"),
    ("ap-southeast-1", "live.ap-southeast-1.aliyuncs.com", "ap-southeast-1"),
    ("eu-central-1", "live.eu-central-1.aliyuncs.com", "eu-central-1"),
])
def test_region_selects_host_and_region_id(run_module, region, host, region_param):
    args = dict(ARGS, job_ids=["j1"])
    if region:
        args["region"] = region
    run = run_module(module, args, [job("j1")])
    (call,) = run.calls
    assert urlsplit(call.url).netloc == host
    query = parse_qs(urlsplit(call.url).query)
    assert query.get("RegionId") == ([region_param] if region_param else None)


def test_region_from_env_selects_host_and_region_id(run_module):
    run = run_module(module, dict(ARGS, job_ids=["j1"]), [job("j1")], env={"ALIBABA_CLOUD_REGION_ID": "ap-southeast-1"})
    (call,) = run.calls
    assert urlsplit(call.url).netloc == "live.ap-southeast-1.aliyuncs.com"
    assert parse_qs(urlsplit(call.url).query).get("RegionId") == ["ap-southeast-1"]


def test_endpoint_override_and_v1(run_module):
    run = run_module(module, dict(ARGS, job_ids=["j&x=1"], endpoint="http://127.0.0.1:8080", signature_version="v1"), [job("j&x=1")])
    (call,) = run.calls
    assert call.url.startswith("http://127.0.0.1:8080/?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(call.url).query, keep_blank_values=True).items()}
    assert query["JobId"] == "j&x=1" and query["ClusterId"] == CLUSTER and query["Action"] == "GetEdgeTranscodeJob"
    assert query["Signature"] == alibaba_signing.rpc_v1_signature("POST", {k: v for k, v in query.items() if k != "Signature"}, SECRET)


def test_retries_visible(run_module, fake_clock):
    run = run_module(module, dict(ARGS, job_ids=["j1"]), [(502, "<html>bad gateway</html>", {"Content-Type": "text/html"}), job("j1")])
    assert run.result["jobs"][0]["status"] == "running"
    assert run.result["api_calls"] == {"requests": 2, "retries": 1, "throttled": 0}


def test_wait_for_status(run_module, fake_clock):
    answers = {"j1": ["0", "0", "1"], "j2": ["1"]}

    def answer(job_id, call):
        script = answers[job_id]
        return job(job_id, script.pop(0) if len(script) > 1 else script[0])

    run = run_module(module, dict(ARGS, job_ids=["j1", "j2"], wait_for_status="running", wait_interval=5, wait_timeout=100), answer)
    assert [j["status"] for j in run.result["jobs"]] == ["running", "running"]
    assert [s for s in fake_clock.sleeps if s >= 1] == [5, 5]
    assert len(run.session.calls_for("j2")) == 1


def test_many_ids_keep_order_and_one_session(run_module):
    ids = [f"edge-{n:02d}" for n in range(20)]
    run = run_module(module, dict(ARGS, job_ids=ids, max_concurrency=8), lambda job_id, call: job(job_id))
    assert [j["job_id"] for j in run.result["jobs"]] == ids
    assert len(run.sessions_created) == 1
    assert run.session.mounted["https://"]._pool_maxsize == 8  # pylint: disable=protected-access
    assert run.result["summary"] == {"total": 20, "by_status": {"running": 20}}
