# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Shared fixtures for module_utils tests: a fake requests.Session (scripted answers, recorded calls) and a fake clock."""

from __future__ import annotations

import json
import threading

import pytest


class FakeResponse:
    """What Transport reads from a requests.Response: status_code, headers.items(), content."""

    def __init__(self, status, body=b"", headers=None):
        self.status_code = status
        self.headers = dict(headers or {})
        self._body = body

    @property
    def content(self):
        if isinstance(self._body, BaseException):
            raise self._body
        return self._body


def _as_response(spec):
    """(status, body[, headers]): body dict/list -> JSON bytes, str -> UTF-8, bytes as is, exception -> raised by .content."""
    status, body = spec[0], spec[1]
    headers = spec[2] if len(spec) > 2 else {}
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json", **headers}
    elif isinstance(body, str):
        body = body.encode("utf-8")
    return FakeResponse(status, body, headers)


class FakeSession:
    """Stands in for requests.Session. `script` is a list consumed in order, or a callable(call) -> answer.

    An answer is an exception instance (raised from request()) or a (status, body[, headers]) tuple.
    Every call is recorded as a dict of the arguments Transport passed.
    """

    def __init__(self, script):
        self.script = script if callable(script) else list(script)
        self.calls = []
        self.mounted = {}
        self._lock = threading.Lock()

    def mount(self, prefix, adapter):
        self.mounted[prefix] = adapter

    def request(self, method, url, headers=None, data=None, timeout=None, verify=None, allow_redirects=True, **kwargs):
        call = dict(method=method, url=url, headers=dict(headers or {}), data=data, timeout=timeout, verify=verify,
                    allow_redirects=allow_redirects, extra=kwargs)
        with self._lock:
            self.calls.append(call)
            if not callable(self.script):
                if not self.script:
                    raise AssertionError(f"unexpected request #{len(self.calls)}: {method} {url}")
                answer = self.script.pop(0)
        if callable(self.script):
            answer = self.script(call)
        if isinstance(answer, BaseException):
            raise answer
        return _as_response(answer)


class FakeClock:
    """A monotonic clock that only moves when someone sleeps (thread-safe)."""

    def __init__(self, start=1000.0):
        self.now = float(start)
        self.sleeps = []
        self._lock = threading.Lock()

    def monotonic(self):
        with self._lock:
            return self.now

    def sleep(self, seconds):
        with self._lock:
            self.sleeps.append(seconds)
            self.now += max(0.0, seconds)

    def advance(self, seconds):
        with self._lock:
            self.now += seconds


@pytest.fixture
def make_session():
    return FakeSession


@pytest.fixture
def fake_clock():
    return FakeClock()
