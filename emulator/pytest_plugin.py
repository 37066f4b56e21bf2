"""In-process emulator for tests: `start_emulator()` and the `live_jobs_emulator` pytest fixture."""

import json
import urllib.request
from typing import Union

import pytest

from .core import Emulator
from .server import RunningEmulator


class EmulatorHandle:
    """A running emulator: .url, .emulator (state), .control() for the /_emulator/ API, .stop()."""

    def __init__(self, running: RunningEmulator):
        self._running = running
        self.emulator = running.emulator
        self.url = running.url

    def control(self, method: str, path: str, json_body=None):
        """Call the control API, e.g. control("POST", "faults", {...}); returns the decoded JSON reply."""
        data = None if json_body is None else json.dumps(json_body).encode("utf-8")
        request = urllib.request.Request("%s/_emulator/%s" % (self.url, path.lstrip("/")), data=data,
                                         method=method, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def stop(self) -> None:
        self._running.stop()

    def __enter__(self) -> "EmulatorHandle":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def start_emulator(fixture: Union[None, str, dict] = None, host: str = "127.0.0.1", port: int = 0,
                   faults=(), **options) -> EmulatorHandle:
    """Start on a background thread. options: rate_limits, rate_limit_enabled, latency_ms, jitter_ms,
    timeout_fault_seconds, ice_error_dialect (same meaning as the CLI flags)."""
    emulator = Emulator(fixture, faults=faults, **options)
    return EmulatorHandle(RunningEmulator(emulator, host, port).start())


@pytest.fixture
def live_jobs_emulator():
    """A fresh emulator with the bundled default fixture, stopped after the test."""
    with start_emulator() as handle:
        yield handle
