# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fuzzing module parameters: each info module's main() with random ids, regions, endpoints, numbers and types, over a
fake HTTP session answering random vendor replies. Always a JSON result with jobs, or a failure with a clear msg;
never a traceback, never an `exception` key, never a secret in the output."""

from __future__ import annotations

import json
import math
import tempfile
import threading
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansible.module_utils.testing import patch_module_args

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _fetch, _pacing, _registry, _transport
from ansible_collections.mediaops.live_jobs.plugins.modules import (
    edge_transcode_job_info, pull_record_task_info, record_job_info, snapshot_job_info,
)

from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.fuzz_support import (
    AWKWARD_TEXT as _RAW_TEXT, ERROR_SEEDS, GET_SEEDS, count, encoded_bodies, fuzz_settings, response_headers,
)
# the autouse fixture that prints the number of fuzz cases run
from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.fuzz_support import report_cases  # noqa: F401  pylint: disable=unused-import

# Ansible cannot pass a lone surrogate to a module (its JSON refuses it): module options are surrogate-free text.
AWKWARD_TEXT = _RAW_TEXT.map(lambda text: "".join(char for char in text if not 0xD800 <= ord(char) <= 0xDFFF))

# (module, provider option, api) of every module/provider pair
TARGETS = [
    (record_job_info, "alibaba", "ice_record"),
    (record_job_info, "huawei", "huawei_record"),
    (snapshot_job_info, None, "ice_snapshot"),
    (edge_transcode_job_info, None, "live_edge_transcode"),
    (pull_record_task_info, None, "volc_pull_record"),
]
PROVIDERS = {"ice_record": "alibaba", "ice_snapshot": "alibaba", "live_edge_transcode": "alibaba",
             "volc_pull_record": "volcengine", "huawei_record": "huawei"}
SECRET = "fuzzSecretValue0123456789abcdefXYZ"
TOKEN = "fuzzTokenValue9876543210zyxwvuQRS"

ANY = st.one_of(AWKWARD_TEXT, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(), st.lists(st.text(max_size=5), max_size=3),
                st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2))
IDS = st.one_of(
    st.lists(st.one_of(AWKWARD_TEXT, st.sampled_from(["evt-1", "job-2", "a" * 128, "a" * 129])), min_size=0, max_size=6),
    ANY,
)
NUMBERS = st.one_of(st.integers(min_value=-5, max_value=100), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from([float("nan"), float("inf"), 1e-300, 2 ** 63]),
                    st.sampled_from(["1", "0.5", "-1", "abc", "", "1e3", True]), st.none())
# ansible-core's check_type_int raises OverflowError on float infinity before any module code runs (not ours to catch)
INT_NUMBERS = st.one_of(st.integers(min_value=-5, max_value=100), st.floats(allow_nan=False, allow_infinity=False),
                        st.sampled_from(["1", "0.5", "-1", "abc", "", "1e3", "21", True]), st.none())
ENDPOINTS = st.one_of(st.none(), AWKWARD_TEXT, st.sampled_from([
    "http://127.0.0.1:8080", "https://ice.cn-shanghai.aliyuncs.com", "127.0.0.1:99999", "ftp://x", "http://u:p@h/",
    "http://h/path", "http://[::1]:80", "http://[bad", "https://", "h:0", " http://h ", "http://h?x=1",
]))


def optional(strategy):
    """Leave the option out, or give a value (None included)."""
    return st.one_of(st.just(_ABSENT), strategy)


_ABSENT = object()


@st.composite
def module_args(draw, provider, api):
    args = {
        "job_ids": draw(IDS),
        "access_key": draw(optional(st.one_of(AWKWARD_TEXT, st.just("LTAI5tFuzzAccessKey")))),
        "secret_key": draw(optional(st.just(SECRET))),
        "security_token": draw(optional(st.one_of(st.just(TOKEN), st.none()))),
        "region": draw(optional(st.one_of(AWKWARD_TEXT, st.sampled_from(["cn-shanghai", "ap-southeast-1", "eu-central-1"])))),
        "endpoint": draw(optional(ENDPOINTS)),
        "validate_certs": draw(optional(st.one_of(st.booleans(), st.sampled_from(["yes", "no", "maybe", 2])))),
        "ca_path": draw(optional(st.one_of(AWKWARD_TEXT, st.just("/nonexistent/ca.pem")))),
        "timeout": draw(optional(NUMBERS)),
        "retries": draw(optional(INT_NUMBERS)),
        "max_concurrency": draw(optional(INT_NUMBERS)),
        "rate_limit": draw(optional(NUMBERS)),
        "fail_on_missing": draw(optional(st.one_of(st.booleans(), ANY))),
        "wait_for_status": draw(optional(st.one_of(st.sampled_from(["running", "paused", "stopped", "pending"]), AWKWARD_TEXT))),
        "wait_timeout": draw(optional(NUMBERS)),
        "wait_interval": draw(optional(NUMBERS)),
        "deadline": draw(optional(NUMBERS)),
        "shared_quota": draw(optional(st.one_of(st.booleans(), st.sampled_from(["yes", "no", "maybe", 2])))),
        "unexpected_option": draw(optional(ANY)),
    }
    if provider is not None:
        args["provider"] = draw(st.one_of(st.just(provider), AWKWARD_TEXT)) if draw(st.integers(0, 9)) == 0 else provider
    if provider in (None, "alibaba"):
        args["signature_version"] = draw(optional(st.one_of(st.sampled_from(["v3", "v1"]), AWKWARD_TEXT)))
    args["cluster_id"] = draw(optional(st.one_of(st.just("evt-cluster-1"), AWKWARD_TEXT)))
    if provider == "huawei":
        args.update(app_id=draw(optional(st.one_of(st.just("evt-app-1"), AWKWARD_TEXT))),
                    project_id=draw(optional(st.one_of(st.just("0e1d2c3b4a5968778695a4b3c2d1e0f1"), AWKWARD_TEXT))),
                    auth_token=draw(optional(st.just(TOKEN))))
    args = {name: value for name, value in args.items() if value is not _ABSENT}
    if draw(st.integers(0, 2)):
        # mostly-valid arguments with a few fuzzed ones, so most cases get past validation and reach the HTTP layer
        keep = draw(st.sets(st.sampled_from(sorted(args)), max_size=3))
        args = {**VALID[api], "job_ids": draw(st.lists(st.sampled_from(["evt-1", "job-2", "a b", "x/y"]), min_size=1, max_size=4)),
                **{name: args[name] for name in keep}}
    return args


_ALIBABA = dict(access_key="LTAI5tFuzzAccessKey", secret_key=SECRET, region="cn-shanghai", retries=1)
VALID = {
    "ice_record": _ALIBABA, "ice_snapshot": _ALIBABA, "live_edge_transcode": dict(_ALIBABA, cluster_id="evt-cluster-1"),
    "volc_pull_record": dict(access_key="AKLTfuzz", secret_key=SECRET, retries=1),
    "huawei_record": dict(provider="huawei", access_key="HWFUZZ", secret_key=SECRET, project_id="p1", app_id="evt-app-1", retries=1),
}


class FakeResponse:
    def __init__(self, status, headers, body):
        self.status_code = status
        self.headers = headers
        self.content = body


class ScriptedSession:
    """requests.Session stand-in answering from a drawn list of replies (cycled), or raising requests exceptions."""

    def __init__(self, answers):
        self.answers = answers
        self.sent = 0
        self.lock = threading.Lock()

    def mount(self, prefix, adapter):
        pass

    def close(self):
        pass

    def request(self, method, url, headers=None, data=None, **kwargs):
        with self.lock:
            answer = self.answers[self.sent % len(self.answers)]
            self.sent += 1
        if isinstance(answer, BaseException):
            raise answer
        return FakeResponse(*answer)


def answers_for(api):
    requests = _transport.requests
    exceptions = st.sampled_from([
        requests.exceptions.ConnectionError("reset"), requests.exceptions.ReadTimeout("t"),
        requests.exceptions.SSLError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
        requests.exceptions.ChunkedEncodingError("cut"), requests.exceptions.ProxyError("p"),
        requests.exceptions.InvalidHeader("bad"), requests.exceptions.RequestException("x"),
    ])
    replies = st.tuples(st.sampled_from([200, 200, 200, 400, 404, 429, 500, 503]), response_headers(),
                        encoded_bodies([GET_SEEDS[api], *ERROR_SEEDS[PROVIDERS[api]]]))
    return st.lists(st.one_of(replies, replies, replies, exceptions), min_size=1, max_size=4)


def run_main(module, args, answers, capsys):
    clock = {"now": 0.0}

    def sleep(seconds):
        clock["now"] += 1.0 if math.isnan(seconds) else max(0.0, seconds)

    fake_time = types.SimpleNamespace(monotonic=lambda: clock["now"], sleep=sleep, time=lambda: clock["now"])
    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as quota_dir:
        patch.setattr(_transport, "time", fake_time)
        patch.setattr(_pacing, "time", fake_time)
        patch.setattr(_fetch, "time", fake_time)
        patch.setattr(_transport.requests, "Session", lambda: ScriptedSession(answers))
        for vendor in _registry.VENDORS.values():
            for names in vendor.env_vars.values():
                for name in names:
                    patch.delenv(name, raising=False)
        patch.delenv("VOLCENGINE_REGION", raising=False)
        # shared_quota defaults to on (fuzzed too): each case gets its own quota directory, nothing under $HOME
        patch.setenv("MEDIAOPS_LIVE_JOBS_QUOTA_DIR", quota_dir)
        patch.delenv("MEDIAOPS_LIVE_JOBS_SHARED_QUOTA", raising=False)
        with patch_module_args(args):
            with pytest.raises(SystemExit):
                module.main()
    return capsys.readouterr().out


@pytest.mark.parametrize("module,provider,api", TARGETS, ids=[target[2] for target in TARGETS])
@fuzz_settings(120)
@given(data=st.data())
def test_module_main_always_answers_with_json(capsys, module, provider, api, data):
    count(f"main[{api}]")
    args = data.draw(module_args(provider, api))
    out = run_main(module, args, data.draw(answers_for(api)), capsys)
    result = json.loads(out)
    if result.get("api_calls", {}).get("requests"):
        count(f"reached_http[{api}]")
    assert "exception" not in result, result.get("exception")
    if result.get("failed"):
        assert isinstance(result.get("msg"), str) and result["msg"].strip()
        assert "Traceback" not in result["msg"]
    else:
        assert isinstance(result["jobs"], list)
        assert set(result["failed_ids"]) | set(result["missing_ids"]) <= set(result["errors"])
    assert SECRET not in out and TOKEN not in out


@pytest.mark.parametrize("option, value", [
    ("timeout", float("inf")), ("timeout", 1e300), ("timeout", float("nan")), ("rate_limit", 1e-300), ("rate_limit", float("inf")),
    ("wait_timeout", 1e300), ("wait_interval", 1e300), ("wait_interval", float("nan")),
    ("deadline", float("inf")), ("deadline", 1e300), ("deadline", float("nan")), ("deadline", 0), ("deadline", -1),
])
def test_out_of_range_numbers_fail_cleanly(capsys, option, value):
    """Found by the fuzzer: timeout .inf / 1e300 raised OverflowError inside requests, a tiny rate_limit or a huge
    wait_interval made time.sleep overflow. They are now refused as options before any request."""
    args = dict(job_ids=["a"], access_key="AK", secret_key=SECRET, region="cn-shanghai", wait_for_status="running")
    args[option] = value
    result = json.loads(run_main(record_job_info, args, [(200, {}, b"{}")], capsys))
    assert result["failed"] and result["msg"].startswith(f"Invalid option {option}: ")


@pytest.mark.parametrize("job_ids", [_ABSENT, None])
def test_huawei_list_mode_fails_cleanly(capsys, job_ids):
    args = dict(VALID["huawei_record"])
    if job_ids is not _ABSENT:
        args["job_ids"] = job_ids
    result = json.loads(run_main(record_job_info, args, [(200, {}, b"{}")], capsys))
    assert result["failed"] and result["msg"].startswith("Invalid option job_ids: ")
