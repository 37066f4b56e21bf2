# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""snapshot_job_info against a fake HTTP layer: seed response, statuses, seed error codes, bad input, retries, waiting, signing."""

from __future__ import annotations

import hashlib
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import alibaba as alibaba_signing
from ansible_collections.mediaops.live_jobs.plugins.modules import snapshot_job_info as module

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.Nk4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz"
AK = "LTAI5tQ8ExampleAccessKey"
ARGS = dict(access_key=AK, secret_key=SECRET, region="cn-shanghai")
SEED_ID = "****a046-263c-3560-978a-fb287782****"
SEED = {
    "RequestId": "******11-DB8D-4A9A-875B-275798******",
    "JobId": SEED_ID,
    "JobName": "",
    "TemplateId": "****a046-263c-3560-978a-fb287666****",
    "TemplateName": "",
    "Status": "started",
    "StreamInput": {"Url": "rtmp://www.aliyun.com/stream", "Type": "rtmp"},
    "SnapshotOutput": {"StorageType": "oss", "Endpoint": "oss-cn-shanghai.aliyuncs.com", "Bucket": "testbucket"},
    "OverwriteFormat": "snapshot/{JobId}.jpg",
    "SequenceFormat": "snapshot/{JobId}/{UnixTimestamp}.jpg",
    "TimeInterval": 5,
    "CallbackUrl": "http://www.aliyun.com/snapshot/callback",
    "LastModified": "2022-02-02T22:22:22Z",
    "CreateTime": "2022-02-02T22:22:22Z",
}


def job(job_id, status="started"):
    return (200, {**SEED, "JobId": job_id, "Status": status, "RequestId": f"REQ-{job_id}"})


def error(status, code, message="m", request_id="ERR-REQ-1", headers=None):
    return (status, {"RequestId": request_id, "HostId": "ice.cn-shanghai.aliyuncs.com", "Code": code, "Message": message}, headers or {})


def args(**extra):
    return {**ARGS, **extra}


def test_seed_example(run_module):
    run = run_module(module, args(job_ids=[SEED_ID]), [(200, SEED)])
    result = run.result
    assert result["changed"] is False
    assert "failed" not in result
    assert result["missing_ids"] == []
    assert result["summary"] == {"total": 1, "by_status": {"running": 1}}
    assert result["api_calls"] == {"requests": 1, "retries": 0, "throttled": 0}
    (found,) = result["jobs"]
    assert {k: found[k] for k in ("job_id", "name", "provider", "service", "kind", "status", "provider_status", "input_url",
                                  "template_id", "template_name", "created_at", "updated_at", "request_id")} == {
        "job_id": SEED_ID, "name": None, "provider": "alibaba", "service": "ice", "kind": "snapshot", "status": "running",
        "provider_status": "started", "input_url": "rtmp://www.aliyun.com/stream",
        "template_id": "****a046-263c-3560-978a-fb287666****", "template_name": None,
        "created_at": "2022-02-02T22:22:22Z", "updated_at": "2022-02-02T22:22:22Z",
        "request_id": "******11-DB8D-4A9A-875B-275798******",
    }
    assert found["details"]["time_interval"] == 5
    assert found["details"]["snapshot_output"] == {"storage_type": "oss", "endpoint": "oss-cn-shanghai.aliyuncs.com", "bucket": "testbucket"}
    (call,) = run.calls
    assert call.method == "GET"
    assert urlsplit(call.url).netloc == "ice.cn-shanghai.aliyuncs.com"
    assert parse_qs(urlsplit(call.url).query) == {"JobId": [SEED_ID]}
    assert call.data is None
    assert call.timeout == 10.0 and call.verify is True and call.allow_redirects is False


@pytest.mark.parametrize("raw, normalized", [("init", "pending"), ("paused", "paused"), ("started", "running")])
def test_every_status(run_module, raw, normalized):
    run = run_module(module, args(job_id="j1"), [job("j1", raw)])
    assert run.result["jobs"][0]["status"] == normalized
    assert run.result["jobs"][0]["provider_status"] == raw
    assert run.result["summary"]["by_status"] == {normalized: 1}
    assert run.warnings == []


def test_unknown_status_warns(run_module):
    run = run_module(module, args(job_id="j1"), [job("j1", "migrating")])
    assert run.result["jobs"][0]["status"] == "unknown"
    assert any("migrating" in warning for warning in run.warnings)


SEED_ERRORS = [
    (400, "MissingParameter", "JobId", False),
    (400, "InvalidParameter", "JobId", False),
    (403, "UserDisable", "User is disable.", False),
    (403, "Forbidden", "User not authorized to operate on the specified resource.", False),
    (403, "OperationDenied", "Your account has not enabled the ICE service.", False),
    (500, "InternalError", "The request processing has failed due to some unknown error.", True),
]


@pytest.mark.parametrize("status, code, message, retryable", SEED_ERRORS, ids=[c[1] for c in SEED_ERRORS])
def test_seed_error_codes(run_module, status, code, message, retryable):
    run = run_module(module, args(job_ids=["j1"], retries=2), [error(status, code, message, "A1B2C3D4-REQ")] * 3)
    result = run.result
    assert result["failed"] is True
    assert result["error"] == {"provider": "alibaba", "code": code, "message": message, "http_status": status,
                               "request_id": "A1B2C3D4-REQ", "retryable": retryable}
    assert code in result["msg"] and f"HTTP status {status}" in result["msg"] and "request id A1B2C3D4-REQ" in result["msg"]
    assert "j1" in result["msg"]
    assert result["failed_ids"] == ["j1"]
    assert result["errors"]["j1"] == result["error"]
    assert len(run.calls) == (3 if retryable else 1)
    assert result["api_calls"]["requests"] == len(run.calls)


def test_job_not_found_goes_to_missing_ids(run_module):
    run = run_module(module, args(job_ids=["gone", "j2"]),
                     lambda job_id, call: error(404, "JobNotFound", "No such job.", "NF-1") if job_id == "gone" else job(job_id))
    assert "failed" not in run.result
    assert run.result["missing_ids"] == ["gone"]
    assert run.result["failed_ids"] == []
    assert run.result["errors"]["gone"]["code"] == "JobNotFound"
    assert [j["job_id"] for j in run.result["jobs"]] == ["j2"]
    assert len(run.calls) == 2


def test_job_not_found_with_fail_on_missing(run_module):
    run = run_module(module, args(job_ids=["gone"], fail_on_missing=True), [error(404, "JobNotFound", "No such job.", "NF-1")])
    assert run.result["failed"] is True
    assert "gone" in run.result["msg"] and "JobNotFound" in run.result["msg"]
    assert run.result["missing_ids"] == ["gone"]


def test_job_not_found_with_fail_on_missing_names_the_request_id(run_module):
    run = run_module(module, args(job_ids=["gone"], fail_on_missing=True), [error(404, "JobNotFound", "No such job.", "NF-1")])
    assert "NF-1" in run.result["msg"]


BAD_INPUTS = [
    (dict(job_ids=[]), "job_ids"),
    (dict(job_ids=[""]), "job_ids"),
    (dict(job_ids=["ok", "   "]), "job_ids"),
    (dict(job_ids=["x" * 129]), "job_ids"),
    (dict(job_ids=["bad\nid"]), "job_ids"),
    (dict(job_ids=["bad\x00id"]), "job_ids"),
    (dict(job_ids=["bad\x7fid"]), "job_ids"),
    (dict(job_ids=["a"], name="evt"), "name"),
    (dict(job_ids=["a"], wait_for_status="done"), "wait_for_status"),
    (dict(job_ids=["a"], wait_for_status="unknown"), "wait_for_status"),
    (dict(job_ids=["a"], timeout="soon"), "timeout"),
    (dict(job_ids=["a"], retries="many"), "retries"),
    (dict(job_ids=["a"], validate_certs="perhaps"), "validate_certs"),
    (dict(job_ids={"a": 1}), "job_ids"),
    (dict(job_ids=["a"], timeout=0), "timeout"),
    (dict(job_ids=["a"], retries=-1), "retries"),
    (dict(job_ids=["a"], max_concurrency=0), "max_concurrency"),
    (dict(job_ids=["a"], rate_limit=0), "rate_limit"),
    (dict(job_ids=["a"], signature_version="v2"), "signature_version"),
]


@pytest.mark.parametrize("extra, option", BAD_INPUTS, ids=[f"{o}-{i}" for i, (extra, o) in enumerate(BAD_INPUTS)])
def test_bad_input_fails_before_any_request(run_module, extra, option):
    run = run_module(module, args(**extra), [])
    assert run.result["failed"] is True
    assert option in run.result["msg"]
    assert run.calls == []


def test_id_of_128_characters_is_accepted(run_module):
    long_id = "a" * 128
    run = run_module(module, args(job_ids=[long_id]), [job(long_id)])
    assert run.result["jobs"][0]["job_id"] == long_id


def test_missing_credentials_name_options_and_env_vars(run_module):
    run = run_module(module, dict(job_ids=["a"], region="cn-shanghai", access_key=AK), [], env={"ALIBABA_CLOUD_ACCESS_KEY_SECRET": ""})
    assert run.result["failed"] is True
    assert run.result["option"] == "secret_key"
    for name in ("secret_key", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"):
        assert name in run.result["msg"]
    assert run.calls == []


def test_missing_region_names_env_vars(run_module):
    run = run_module(module, dict(job_ids=["a"], access_key=AK, secret_key=SECRET), [])
    assert run.result["failed"] is True
    assert "ALIBABA_CLOUD_REGION_ID" in run.result["msg"]


def test_credentials_and_region_from_env(run_module):
    env = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "", "ALICLOUD_ACCESS_KEY_ID": AK, "ALICLOUD_SECRET_KEY": SECRET,
           "ALIBABA_CLOUD_SECURITY_TOKEN": TOKEN, "ALICLOUD_REGION": "cn-beijing"}
    run = run_module(module, dict(job_ids=["j1"], access_key=""), [job("j1")], env=env)
    assert run.result["jobs"][0]["job_id"] == "j1"
    (call,) = run.calls
    assert urlsplit(call.url).netloc == "ice.cn-beijing.aliyuncs.com"
    assert call.headers["Authorization"].startswith(f"ACS3-HMAC-SHA256 Credential={AK},")
    assert call.headers["x-acs-security-token"] == TOKEN


def test_retries_visible_through_the_module(run_module, fake_clock):
    script = [error(400, "Throttling.User", "Request was denied due to user flow control.", "T1", {"x-acs-retry-after": "3000"}),
              error(503, "ServiceUnavailable", "busy", "T2"), job("j1")]
    run = run_module(module, args(job_ids=["j1"]), script)
    assert run.result["jobs"][0]["status"] == "running"
    assert run.result["api_calls"] == {"requests": 3, "retries": 2, "throttled": 1}
    # issue 13: x-acs-retry-after is a debt in the adaptive limiter, paid before the next request's own slot: the wait
    # is 3 s plus one slot at the lowered rate (it was exactly 3.0 from the backoff)
    assert any(3.0 <= s < 3.5 for s in fake_clock.sleeps), fake_clock.sleeps
    nonces = {call.headers["x-acs-signature-nonce"] for call in run.calls}
    assert len(nonces) == 3, "every retry must be signed with a fresh nonce"


def test_wait_for_status(run_module, fake_clock):
    polls = {"j1": ["init", "init", "started"], "j2": ["started"]}

    def answer(job_id, call):
        script = polls[job_id]
        return job(job_id, script.pop(0) if len(script) > 1 else script[0])

    run = run_module(module, args(job_ids=["j1", "j2"], wait_for_status="running", wait_interval=7, wait_timeout=60), answer)
    assert [j["status"] for j in run.result["jobs"]] == ["running", "running"]
    assert len(run.session.calls_for("j1")) == 3 and len(run.session.calls_for("j2")) == 1
    assert [s for s in fake_clock.sleeps if s >= 1] == [7, 7]


def test_wait_for_status_times_out(run_module, fake_clock):
    run = run_module(module, args(job_ids=["j1"], wait_for_status="paused", wait_interval=10, wait_timeout=25), lambda job_id, call: job(job_id, "init"))
    assert run.result["failed"] is True
    assert run.result["laggards"] == {"j1": "pending"}
    assert "paused" in run.result["msg"]
    assert len(run.calls) == 3  # t = 0, 10, 20; the next poll would be past 25 s


def test_v3_signature_covers_the_wire_query(run_module):
    ids = ["a&JobId=evil", "x+y", "100%", "a b", "作业-1", "k=v;x"]
    run = run_module(module, args(job_ids=ids, max_concurrency=1), lambda job_id, call: job(job_id))
    assert [j["job_id"] for j in run.result["jobs"]] == ids
    for job_id, call in zip(ids, run.calls):
        query = parse_qs(urlsplit(call.url).query, keep_blank_values=True)
        assert query == {"JobId": [job_id]}, "an id must not add or change a query parameter"
        headers = {k: v for k, v in call.headers.items() if k != "Authorization"}
        assert headers["x-acs-action"] == "GetLiveSnapshotJob" and headers["x-acs-version"] == "2020-11-09"
        assert headers["x-acs-content-sha256"] == hashlib.sha256(b"").hexdigest()
        names, signature = alibaba_signing.acs3_signature("GET", "/", {"JobId": job_id}, headers, headers["x-acs-content-sha256"], SECRET)
        assert call.headers["Authorization"] == f"ACS3-HMAC-SHA256 Credential={AK},SignedHeaders={names},Signature={signature}"


def test_v1_signature(run_module):
    run = run_module(module, args(job_ids=["a&b=c d"], signature_version="v1", security_token=TOKEN), [job("a&b=c d")])
    (call,) = run.calls
    query = {k: v[0] for k, v in parse_qs(urlsplit(call.url).query, keep_blank_values=True).items()}
    assert query["JobId"] == "a&b=c d"
    assert query["Action"] == "GetLiveSnapshotJob" and query["SignatureMethod"] == "HMAC-SHA1"
    assert query["AccessKeyId"] == AK and query["SecurityToken"] == TOKEN
    assert "Authorization" not in call.headers
    assert query["Signature"] == alibaba_signing.rpc_v1_signature("GET", {k: v for k, v in query.items() if k != "Signature"}, SECRET)


def test_results_in_input_order_with_out_of_order_answers(run_module):
    ids = [f"job-{n}" for n in range(6)]
    others_done = threading.Event()
    answered = []
    lock = threading.Lock()

    def answer(job_id, call):
        if job_id == "job-0":
            assert others_done.wait(5)
        with lock:
            answered.append(job_id)
            if len(answered) == len(ids) - 1:
                others_done.set()
        return job(job_id)

    run = run_module(module, args(job_ids=ids, max_concurrency=6), answer)
    assert [j["job_id"] for j in run.result["jobs"]] == ids
    assert answered[-1] == "job-0"
    assert len(run.sessions_created) == 1


def test_partial_failures_list_every_failed_id(run_module):
    # issue 13: f1 was "Forbidden", which is now a credential error that stops the task's traffic (see
    # test_credential_error_fails_every_remaining_id); a job-specific error keeps this test about partial failures
    def answer(job_id, call):
        if job_id == "f1":
            return error(409, "IncorrectJobStatus", "denied", "R-f1")
        if job_id == "f2":
            return error(400, "InvalidParameter", "bad", "R-f2")
        return job(job_id)

    run = run_module(module, args(job_ids=["ok1", "f1", "ok2", "f2"], max_concurrency=4), answer)
    result = run.result
    assert result["failed"] is True
    assert result["failed_ids"] == ["f1", "f2"]
    assert result["errors"]["f1"]["code"] == "IncorrectJobStatus"
    assert result["errors"]["f2"] == {"provider": "alibaba", "code": "InvalidParameter", "message": "bad", "http_status": 400,
                                      "request_id": "R-f2", "retryable": False}
    assert result["error"]["code"] == "IncorrectJobStatus"
    assert "2 of 4" in result["msg"] and "f1" in result["msg"] and "f2" in result["msg"]
    assert [j["job_id"] for j in result["jobs"]] == ["ok1", "ok2"]
