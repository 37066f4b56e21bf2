# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""LiveJobsModule: shared argspec, dependency checks, typed errors -> fail_json, secrets never in output.

The input checks it runs (job ids, numbers, deadline) are tested in test_inputs.py."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from ansible.module_utils.testing import patch_module_args

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _fetch, _pacing, _transport, module as wrapper
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_alibaba import OPTIONS as ALIBABA_ARGUMENT_SPEC
from ansible_collections.mediaops.live_jobs.plugins.module_utils._vendor_huawei import OPTIONS as HUAWEI_ARGUMENT_SPEC
from ansible_collections.mediaops.live_jobs.plugins.module_utils.module import LiveJobsModule, shared_argument_spec

SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.Nk4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz"
AK = "LTAI5tQ8ExampleAccessKey"
ARGS = dict(access_key=AK, secret_key=SECRET, region="cn-shanghai")
ENV_NAMES = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
             "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN",
             "ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION")


def snapshot(job_id, status="started"):
    return (200, {"RequestId": f"REQ-{job_id}", "JobId": job_id, "Status": status})


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    # the shared quota files are tested in test_quota.py; here every run paces alone and writes nothing under $HOME
    monkeypatch.setenv("MEDIAOPS_LIVE_JOBS_SHARED_QUOTA", "false")


@pytest.fixture
def run(monkeypatch, capsys, make_session, fake_clock):
    monkeypatch.setattr(_transport, "time", fake_clock)
    monkeypatch.setattr(_pacing, "time", fake_clock)  # the RateLimiter and the task's Deadline

    def go(args, script=(), apis=None, spec=None):
        session = make_session(script)
        created = []
        monkeypatch.setattr(_transport.requests, "Session", lambda: created.append(session) or session)
        # LiveJobsModule now takes {provider: API descriptor} and adds the vendors' options itself
        apis = {provider: APIS[name] for provider, name in (apis or {"alibaba": "ice_snapshot"}).items()}
        with patch_module_args(args):
            with pytest.raises(SystemExit) as exit_info:
                LiveJobsModule(apis, {} if spec is None else spec).run()
        out = capsys.readouterr().out
        for secret in (SECRET, TOKEN):
            assert secret not in out
        for call in session.calls:
            auth = call["headers"].get("Authorization")
            if auth:
                assert auth.rsplit("=", 1)[-1] not in out
        return json.loads(out), session, created, exit_info.value.code

    return go


# --- argspec ------------------------------------------------------------------------------------------------------


def test_shared_argument_spec():
    spec = shared_argument_spec()
    # issue 13 adds deadline (the task's whole budget) and shared_quota (one quota per account, and how to turn it off)
    assert set(spec) == {"job_ids", "access_key", "secret_key", "security_token", "region", "endpoint", "validate_certs", "ca_path",
                         "timeout", "retries", "max_concurrency", "rate_limit", "fail_on_missing", "wait_for_status", "wait_timeout",
                         "wait_interval", "status", "name", "created_after", "created_before", "use_list", "list_rate_limit",
                         "deadline", "shared_quota"}
    # issue 13 (strict ids): elements raw, so a mapping, list or boolean reaches check_job_ids and is refused by type
    assert spec["job_ids"] == dict(type="list", elements="raw", aliases=["job_id"])
    assert spec["access_key"]["no_log"] is False and spec["access_key"]["aliases"] == ["access_key_id", "ak"]
    assert spec["secret_key"]["no_log"] is True and spec["secret_key"]["aliases"] == ["access_key_secret", "sk"]
    assert spec["security_token"]["no_log"] is True and spec["security_token"]["aliases"] == ["session_token", "sts_token"]
    assert HUAWEI_ARGUMENT_SPEC["auth_token"]["no_log"] is True
    assert ALIBABA_ARGUMENT_SPEC["signature_version"] == dict(type="str", default="v3", choices=["v3", "v1"])
    defaults = {name: spec[name].get("default") for name in spec}
    assert defaults["validate_certs"] is True and defaults["timeout"] == 10.0 and defaults["retries"] == 5
    assert defaults["max_concurrency"] == 8 and defaults["fail_on_missing"] is False
    assert defaults["wait_timeout"] == 300.0 and defaults["wait_interval"] == 5.0
    assert spec["wait_for_status"]["choices"] == ["pending", "running", "paused", "stopped", "finished"]
    assert spec["ca_path"]["type"] == "path"
    assert spec["deadline"] == dict(type="float")
    assert spec["shared_quota"]["type"] == "bool" and spec["shared_quota"]["default"] is True
    assert spec["shared_quota"]["fallback"][1] == ["MEDIAOPS_LIVE_JOBS_SHARED_QUOTA"]


def test_spec_is_a_fresh_copy():
    first = shared_argument_spec()
    first["job_ids"]["aliases"].append("x")
    assert shared_argument_spec()["job_ids"]["aliases"] == ["job_id"]


# --- runs -----------------------------------------------------------------------------------------------------------


def answer_by_job_id(answers):
    """A script keyed by the JobId the request asks for (a list script would race between the worker threads)."""
    return lambda call: answers[parse_qs(urlsplit(call["url"]).query)["JobId"][0]]


def test_success_result_shape(run):
    result, session, created, code = run(dict(ARGS, job_ids=["j1", "j2", "j1"]),
                                         answer_by_job_id({"j1": snapshot("j1"), "j2": snapshot("j2", "paused")}))
    assert code == 0
    assert set(result) >= {"changed", "jobs", "missing_ids", "failed_ids", "errors", "summary", "api_calls"}
    assert result["changed"] is False
    assert [j["job_id"] for j in result["jobs"]] == ["j1", "j2"]
    assert result["summary"] == {"total": 2, "by_status": {"running": 1, "paused": 1}}
    assert result["api_calls"] == {"requests": 2, "retries": 0, "throttled": 0}
    assert len(session.calls) == 2, "duplicate ids are asked once"
    assert len(created) == 1


def test_transport_options_reach_the_session(run):
    result, session, created, code = run(dict(ARGS, job_ids=["j1"], timeout=2.5, ca_path="/etc/pki/ca.pem"), [snapshot("j1")])
    assert session.calls[0]["timeout"] == 2.5
    assert session.calls[0]["verify"] == "/etc/pki/ca.pem"
    assert session.calls[0]["allow_redirects"] is False


def test_validate_certs_false_warns_and_disables_verification(run, mocker):
    warn = mocker.spy(wrapper.AnsibleModule, "warn")
    result, session, created, code = run(dict(ARGS, job_ids=["j1"], validate_certs=False), [snapshot("j1")])
    assert session.calls[0]["verify"] is False
    assert any("validate_certs" in call.args[1] for call in warn.call_args_list)


def test_api_error_becomes_fail_json(run):
    body = {"RequestId": "7F3D-REQ", "HostId": "ice.cn-shanghai.aliyuncs.com", "Code": "Forbidden", "Message": "User not authorized."}
    result, session, created, code = run(dict(ARGS, job_ids=["j1"]), [(403, body)])
    assert code == 1
    assert result["failed"] is True
    assert result["error"] == {"provider": "alibaba", "code": "Forbidden", "message": "User not authorized.", "http_status": 403,
                               "request_id": "7F3D-REQ", "retryable": False}
    assert "Forbidden" in result["msg"] and "HTTP status 403" in result["msg"] and "request id 7F3D-REQ" in result["msg"]


def test_transport_failure_names_host_not_url(run):
    exc = requests.exceptions.ConnectionError("Max retries exceeded with url: /?JobId=j1&Signature=abc (Connection refused)")
    result, session, created, code = run(dict(ARGS, job_ids=["j1"], retries=2), [exc, exc, exc])
    assert result["failed"] is True
    assert result["error"]["code"] == "ConnectionError" and result["error"]["http_status"] is None
    assert result["error"]["retryable"] is True
    assert "ice.cn-shanghai.aliyuncs.com" in result["msg"]
    assert "Signature" not in json.dumps(result)
    assert len(session.calls) == 3


def test_option_error_becomes_fail_json(run):
    result, session, created, code = run(dict(ARGS, job_ids=["ok", "bad\x01"]))
    assert code == 1
    assert result["option"] == "job_ids"
    assert result["msg"].startswith("Invalid option job_ids: item 2")
    assert session.calls == [] and created == []


def test_secrets_from_options_are_masked_even_when_echoed(run):
    body = {"RequestId": "R", "Code": "SignatureDoesNotMatch", "Message": f"string to sign used key {SECRET} and token {TOKEN}"}
    result, session, created, code = run(dict(ARGS, job_ids=["j1"], security_token=TOKEN), [(400, body)])
    assert result["failed"] is True
    assert "SignatureDoesNotMatch" in result["msg"]


def test_secrets_from_env_are_masked_even_when_echoed(run, monkeypatch):
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", AK)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
    monkeypatch.setenv("ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN)
    body = {"RequestId": "R", "Code": "InvalidParameter", "Message": f"bad {SECRET} / {TOKEN}"}
    result, session, created, code = run(dict(region="cn-shanghai", job_ids=["j1"]), [(400, body)])
    assert session.calls[0]["headers"]["x-acs-security-token"] == TOKEN
    assert result["error"]["code"] == "InvalidParameter"


def test_invocation_masks_no_log_options(run):
    result, session, created, code = run(dict(ARGS, job_ids=["j1"], security_token=TOKEN, _ansible_inject_invocation=True), [snapshot("j1")])
    invocation = result["invocation"]["module_args"]
    assert invocation["secret_key"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert invocation["security_token"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert invocation["access_key"] == AK


@pytest.mark.parametrize("flag, library", [("HAS_REQUESTS", "requests"), ("HAS_PYDANTIC", "pydantic")])
def test_missing_library_fails_with_missing_required_lib(run, monkeypatch, flag, library):
    monkeypatch.setattr(wrapper, flag, False)
    result, session, created, code = run(dict(ARGS, job_ids=["j1"]))
    assert code == 1
    assert result["failed"] is True
    assert f"Failed to import the required Python library ({library})" in result["msg"]
    assert created == [] and session.calls == []


def test_provider_choice_selects_the_api(run):
    spec = dict(provider=dict(type="str", default="alibaba", choices=["alibaba", "huawei"]))
    args = dict(provider="huawei", access_key="HWAK", secret_key=SECRET, project_id="p" * 32, app_id="app1", job_ids=["j1"])
    result, session, created, code = run(args, [(200, {"job_id": "j1", "state": "RUNNING"}, {"X-Request-Id": "H"})],
                                         apis={"alibaba": "ice_record", "huawei": "huawei_record"}, spec=spec)
    assert result["jobs"][0]["provider"] == "huawei"
    assert session.calls[0]["url"] == "https://rtc-api.myhuaweicloud.com/v2/apps/app1/individual-stream-jobs/j1"


def test_wait_timeout_becomes_fail_json_with_laggards(run, fake_clock, monkeypatch):
    monkeypatch.setattr(_fetch, "time", fake_clock)
    result, session, created, code = run(dict(ARGS, job_ids=["j1"], wait_for_status="running", wait_timeout=9, wait_interval=3),
                                         lambda call: snapshot("j1", "init"))
    assert code == 1
    assert result["laggards"] == {"j1": "pending"}
    assert "timed out" in result["msg"]
    assert len(session.calls) == 4  # t = 0, 3, 6, 9
    assert [j["status"] for j in result["jobs"]] == ["pending"]
    assert result["summary"] == {"total": 1, "by_status": {"pending": 1}}
    assert [s for s in fake_clock.sleeps if s >= 1] == [3, 3, 3]


def test_wait_with_fail_on_missing_stops_polling(run, fake_clock, monkeypatch):
    monkeypatch.setattr(_fetch, "time", fake_clock)
    not_found = (404, {"RequestId": "NF", "Code": "JobNotFound", "Message": "No such job."})
    result, session, created, code = run(dict(ARGS, job_ids=["gone"], wait_for_status="running", fail_on_missing=True),
                                         lambda call: not_found)
    assert code == 1
    assert result["missing_ids"] == ["gone"]
    assert "gone" in result["msg"] and "JobNotFound" in result["msg"]
    assert len(session.calls) == 1


def test_access_key_with_trailing_newline_fails_before_any_request(monkeypatch, capsys, fake_clock):
    """A real requests.Session (network replaced by an adapter that must never be reached)."""
    monkeypatch.setattr(_transport, "time", fake_clock)
    monkeypatch.setattr(_pacing, "time", fake_clock)
    sent = []

    class NeverAdapter(requests.adapters.BaseAdapter):
        def send(self, request, **kwargs):
            sent.append(request)
            raise AssertionError("must not be sent")

        def close(self):
            pass

    real_session = requests.Session

    def session_factory():
        session = real_session()
        session.get_adapter = lambda url: NeverAdapter()
        return session

    monkeypatch.setattr(_transport.requests, "Session", session_factory)
    with patch_module_args(dict(ARGS, access_key=AK + "\n", security_token=TOKEN, job_ids=["j1"])):
        with pytest.raises(SystemExit):
            LiveJobsModule({"alibaba": APIS["ice_snapshot"]}).run()
    out = capsys.readouterr().out
    assert SECRET not in out and TOKEN not in out
    result = json.loads(out)
    # caught before any request: the option is named, nothing is sent or retried
    assert result["option"] == "access_key" and "access_key" in result["msg"] and "newline" in result["msg"]
    assert sent == [] and fake_clock.sleeps == []
    assert "api_calls" not in result
