"""The emulator's state (fixture data, settings, faults, counters) and its request entry point."""

import threading
from typing import Iterable, Union

from .control import PREFIX, serve_control
from .faults import FaultBook, FaultRule
from .fixture import load_fixture
from .http_types import Request, Response
from .nonces import NonceCache
from .pipeline import serve_vendor_call
from .ratelimit import RateLimiter
from .routes import vendor_for
from .settings import Settings
from .stats import Stats
from .store import JobStore


class Emulator:
    """fixture: a path, a dict, or None for the bundled default; overrides win over the fixture's settings."""

    def __init__(self, fixture: Union[None, str, dict] = None, faults: Iterable[dict] = (), **overrides):
        self._fixture_source = fixture
        self._extra_faults = list(faults)
        self._overrides = overrides
        self.stopping = threading.Event()
        self.stats = Stats()
        self.nonces = NonceCache()
        self.faults = FaultBook()
        self.settings = Settings()
        self.limiter = RateLimiter(self.settings)
        self.reset()

    def reset(self) -> None:
        """Reload the fixture; forget faults, nonces, buckets and counters; restore the start-up settings."""
        fixture = load_fixture(self._fixture_source)
        self.credentials = fixture.credentials
        self.store = JobStore(fixture.jobs)
        fresh = Settings()
        fresh.update(**fixture.settings)
        fresh.update(**self._overrides)
        self.settings.__dict__.update(fresh.__dict__)
        self.faults.clear()
        self.faults.add(fixture.faults + [FaultRule.from_dict(rule) for rule in self._extra_faults])
        self.nonces.reset()
        self.limiter.reset()
        self.stats.reset()

    def handle(self, request: Request) -> Response:
        if request.path.startswith(PREFIX):
            return serve_control(self, request)
        return serve_vendor_call(self, vendor_for(request), request)

    def stop(self) -> None:
        """Wake every sleeping fault (timeout, latency) so the server can shut down promptly."""
        self.stopping.set()
