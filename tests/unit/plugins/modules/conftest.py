# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Module-level fixtures: run a module's main() against a fake requests.Session and a fake clock (no network, no sleeping)."""

from __future__ import annotations

import json
import threading
import types
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from ansible.module_utils import basic
from ansible.module_utils.testing import patch_module_args


def _utils():
    # imported lazily: this conftest can load before the collection is put on sys.path
    from ansible_collections.mediaops.live_jobs.plugins.module_utils import _fetch, _pacing, _registry, _transport
    return _registry, _fetch, _transport, _pacing


SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.Nk4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz"
HW_AUTH_TOKEN = "MIIZkgYJKoZIhvcNAQcCoIIZgzCCGX8CAQExDTALBglghkgBZQMEAgEwgheoBgkqhkiG9w0BBwGggheZ"
ALL_SECRETS = (SECRET, TOKEN, HW_AUTH_TOKEN)


class FakeResponse:
    def __init__(self, status, body, headers):
        self.status_code = status
        self.headers = headers
        self._body = body

    @property
    def content(self):
        if isinstance(self._body, BaseException):
            raise self._body
        return self._body


class FakeSession:
    """requests.Session stand-in. script: list consumed in order, or callable(job_id, call) -> answer.

    An answer is an exception instance (raised) or (status, body[, headers]); dict bodies are sent as JSON.
    """

    def __init__(self, script):
        self.script = script if callable(script) else list(script)
        self.calls = []
        self.mounted = {}
        self.lock = threading.Lock()

    def mount(self, prefix, adapter):
        self.mounted[prefix] = adapter

    def request(self, method, url, headers=None, data=None, timeout=None, verify=None, allow_redirects=True, **kwargs):
        call = types.SimpleNamespace(method=method, url=url, headers=dict(headers or {}), data=data, timeout=timeout,
                                     verify=verify, allow_redirects=allow_redirects)
        call.job_id = job_id_of(call)
        with self.lock:
            self.calls.append(call)
            if not callable(self.script):
                if not self.script:
                    raise AssertionError(f"unexpected request {method} {url}")
                answer = self.script.pop(0)
        if callable(self.script):
            answer = self.script(call.job_id, call)
        if isinstance(answer, BaseException):
            raise answer
        status, body = answer[0], answer[1]
        headers = dict(answer[2]) if len(answer) > 2 else {}
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers.setdefault("Content-Type", "application/json;charset=utf-8")
        elif isinstance(body, str):
            body = body.encode("utf-8")
        return FakeResponse(status, body, headers)

    def calls_for(self, job_id):
        return [call for call in self.calls if call.job_id == job_id]


def job_id_of(call):
    """The id a request asks about: Alibaba query JobId, Volcengine body TaskID, Huawei last path segment."""
    parts = urlsplit(call.url)
    query = parse_qs(parts.query, keep_blank_values=True)
    if "JobId" in query:
        return query["JobId"][0]
    if call.data:
        return json.loads(call.data.decode("utf-8")).get("TaskID")
    return unquote(parts.path.rsplit("/", 1)[-1])


class FakeClock:
    def __init__(self, start=5000.0):
        self.now = start
        self.sleeps = []
        self.lock = threading.Lock()

    def monotonic(self):
        with self.lock:
            return self.now

    def sleep(self, seconds):
        with self.lock:
            self.sleeps.append(seconds)
            self.now += max(0.0, seconds)


class Run:
    def __init__(self, result, session, sessions_created, stdout, warnings=()):
        self.result = result
        self.warnings = list(warnings)
        self.session = session
        self.sessions_created = sessions_created
        self.stdout = stdout

    @property
    def calls(self):
        return self.session.calls


@pytest.fixture
def fake_clock(monkeypatch):
    """Replaces the `time` that _transport (retries), _pacing (RateLimiter, deadline) and _fetch (wait_for_status) use."""
    _registry, _fetch, _transport, _pacing = _utils()
    clock = FakeClock()
    fake_time = types.SimpleNamespace(monotonic=clock.monotonic, sleep=clock.sleep, time=clock.monotonic)
    monkeypatch.setattr(_transport, "time", fake_time)
    monkeypatch.setattr(_pacing, "time", fake_time)
    monkeypatch.setattr(_fetch, "time", fake_time)
    return clock


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    _registry = _utils()[0]
    for vendor in _registry.VENDORS.values():
        for names in vendor.env_vars.values():
            for name in names:
                monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("VOLCENGINE_REGION", raising=False)
    # the shared quota files are tested on their own (test_quota.py); here every run paces alone
    monkeypatch.setenv("MEDIAOPS_LIVE_JOBS_SHARED_QUOTA", "false")


@pytest.fixture
def run_module(monkeypatch, capsys, fake_clock):
    """run_module(module, args, script, env=None) -> Run; asserts no secret and no signature reached stdout."""

    _transport = _utils()[2]

    def run(module, args, script=(), env=None):
        session = FakeSession(script)
        created = []

        def new_session():
            created.append(session)
            return session

        monkeypatch.setattr(_transport.requests, "Session", new_session)
        warnings = []
        original_warn = basic.AnsibleModule.warn

        def recording_warn(self, warning, *a, **kw):
            warnings.append(warning)
            return original_warn(self, warning, *a, **kw)

        monkeypatch.setattr(basic.AnsibleModule, "warn", recording_warn)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        with patch_module_args(args):
            with pytest.raises(SystemExit):
                module.main()
        out = capsys.readouterr().out
        for secret in ALL_SECRETS:
            assert secret not in out, "a secret reached the module output"
        for call in session.calls:
            authorization = call.headers.get("Authorization") or call.headers.get("authorization")
            if authorization:
                assert authorization.rsplit("=", 1)[-1] not in out, "a signature reached the module output"
        for warning in warnings:
            for secret in ALL_SECRETS:
                assert secret not in warning
        return Run(json.loads(out), session, created, out, warnings)

    return run
