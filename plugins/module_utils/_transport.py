# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The only place that talks HTTP: one session per run, timeouts, TLS, retries, pacing, deadlines, fan-out.

Vendor-neutral: the vendor's interpret() says whether an error is throttling, a credential error or retryable.
Throttled requests are retried while the task's deadline lasts (the limiter slows down); other retryable errors at
most `retries` times with jittered backoff; a credential error stops every later request of the account (the guard).
"""

from __future__ import annotations

import copy
import random
import re
import threading
import time
import traceback
from dataclasses import dataclass, field
from urllib.parse import urlsplit

try:
    import requests
    from requests.adapters import HTTPAdapter
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
    requests = None
    HTTPAdapter = object
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None

from ._errors import ApiError, deadline_error, not_sent_error
from ._pacing import PacingTimeout

MAX_RETRY_AFTER = 60.0
MIN_REQUEST_SECONDS = 0.1
_SSL_REASON = re.compile(r"\[SSL[^\]]*\][^'\")]*")
_SSL_LOCATION = re.compile(r"\s*\(_ssl\.c:\d+\s*$")
_BAD_HEADER_HINT = (
    "a header value is not valid HTTP (a newline, leading whitespace or a non-Latin-1 character); check access_key, "
    "secret_key, security_token, region, project_id, auth_token and endpoint for stray whitespace or characters"
)


@dataclass
class HttpRequest:
    method: str
    url: str
    headers: dict
    body: bytes = b""


@dataclass
class HttpResponse:
    status: int
    headers: dict
    body: bytes

    def header(self, name):
        return self.headers.get(name.lower())


@dataclass
class CallStats:
    """Counters shared by all workers of one run; reported so users can see throttling that was absorbed."""

    requests: int = 0
    retries: int = 0
    throttled: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, retried=False, throttled=False):
        with self.lock:
            self.requests += 1
            self.retries += int(retried)
            self.throttled += int(throttled)

    def as_dict(self):
        return {"requests": self.requests, "retries": self.retries, "throttled": self.throttled}


class CredentialGuard:
    """Shared by every request of one account in a task: once a credential error is seen, nothing more is sent."""

    def __init__(self):
        self.cause = None

    def trip(self, error):
        if self.cause is None:
            self.cause = error

    def check(self):
        if self.cause is not None:
            raise not_sent_error(self.cause)


class Backoff:
    """Full-jitter exponential backoff; a server's Retry-After wins when it gives one."""

    def __init__(self, base=0.5, cap=20.0, rng=None):
        self.base = base
        self.cap = cap
        self._rng = rng or random.random

    def delay(self, attempt, retry_after=None):
        if retry_after is not None and retry_after > 0:
            return min(float(retry_after), MAX_RETRY_AFTER)
        return self._rng() * min(self.cap, self.base * (2 ** attempt))


class Transport:
    """Sends signed requests with retries. `build` makes a freshly signed request per attempt (new nonce and time)."""

    def __init__(self, timeout=10.0, validate_certs=True, ca_path=None, retries=5, rate_limiter=None,
                 max_connections=8, session=None, backoff=None, sleep=None, deadline=None, guard=None):
        self.timeout = timeout
        self.deadline = deadline
        self.guard = guard or CredentialGuard()
        self.verify = (ca_path or True) if validate_certs else False
        self.retries = retries
        self.rate_limiter = rate_limiter
        self.backoff = backoff or Backoff()
        self.stats = CallStats()
        self._sleep = sleep
        self.session = session or self._new_session(max_connections)

    @staticmethod
    def _new_session(max_connections):
        session = requests.Session()
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(1, max_connections), max_retries=0)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        # With no auth set, requests reads ~/.netrc per request and would replace the signed Authorization header
        # with Basic credentials for a matching host. Proxy variables (HTTPS_PROXY, NO_PROXY) stay honoured.
        session.auth = keep_signed_headers
        return session

    def with_rate_limiter(self, rate_limiter):
        """The same session, TLS settings, retry policy, deadline, guard and counters, paced by another limiter (e.g. a List call's)."""
        sibling = copy.copy(self)
        sibling.rate_limiter = rate_limiter
        return sibling

    def call(self, provider, build, interpret):
        """Return interpret(response) for the first attempt that is not a retryable ApiError."""
        attempt = throttled = 0
        last = None
        while True:
            sent_at = self._wait_for_slot(provider, last)
            try:
                result = interpret(self._send(provider, build()))
            except ApiError as error:
                self.stats.count(retried=attempt + throttled > 0, throttled=error.throttled)
                last = error
                if error.credential:
                    # never retried, whatever the HTTP status: the same credentials fail the same way
                    self.guard.trip(error)
                    raise
                if error.throttled and self.rate_limiter is not None:
                    self.rate_limiter.throttled(sent_at, error.retry_after)
                if not error.retryable:
                    raise
                if error.throttled and self.deadline is not None:
                    # bounded by the deadline, not by a count: a throttled request is never a failure while time lasts
                    throttled += 1
                    delay = 0.0 if self.rate_limiter is not None else self.backoff.delay(min(throttled, 6), error.retry_after)
                else:
                    if attempt >= self.retries:
                        raise
                    delay = self.backoff.delay(attempt, error.retry_after)
                    attempt += 1
                self._pause(provider, delay, error)
                continue
            self.stats.count(retried=attempt + throttled > 0)
            if self.rate_limiter is not None:
                self.rate_limiter.succeeded()
            return result

    def _wait_for_slot(self, provider, last):
        """Check the guard and the deadline, wait for the rate limiter; the limiter's time of sending."""
        self.guard.check()
        remaining = self.deadline.remaining() if self.deadline is not None else None
        if remaining is not None and remaining < MIN_REQUEST_SECONDS:
            raise deadline_error(provider, self.deadline.seconds, last)
        if self.rate_limiter is None:
            return None
        try:
            self.rate_limiter.acquire(max_wait=remaining)
        except PacingTimeout:
            raise deadline_error(provider, self.deadline.seconds, last) from None
        self.guard.check()
        if self.deadline is not None and self.deadline.remaining() < MIN_REQUEST_SECONDS:
            # a request with a timeout of a few milliseconds cannot succeed; it would only replace the real last error
            raise deadline_error(provider, self.deadline.seconds, last)
        return self.rate_limiter.now()

    def _pause(self, provider, delay, error):
        remaining = self.deadline.remaining() if self.deadline is not None else None
        if remaining is not None and delay >= remaining:
            raise deadline_error(provider, self.deadline.seconds, error)
        if delay > 0:
            (self._sleep or time.sleep)(delay)

    def request_timeout(self):
        remaining = self.deadline.remaining() if self.deadline is not None else None
        return self.timeout if remaining is None else max(0.001, min(self.timeout, remaining))

    def _send(self, provider, request):
        host = urlsplit(request.url).netloc
        timeout = self.request_timeout()
        try:
            response = self.session.request(
                request.method, request.url, headers=request.headers, data=request.body or None,
                timeout=timeout, verify=self.verify, allow_redirects=False,
            )
            body = response.content
        except requests.exceptions.RequestException as exc:
            raise transport_error(provider, host, exc, timeout) from None
        except UnicodeError:
            # http.client encodes header values as latin-1; str(exc) would quote the value, which may be a secret
            raise ApiError(provider, "InvalidRequest", f"the request to {host} was not sent: {_BAD_HEADER_HINT}") from None
        headers = {name.lower(): value for name, value in response.headers.items()}
        return HttpResponse(status=response.status_code, headers=headers, body=body)


def keep_signed_headers(request):
    return request


def transport_error(provider, host, exc, timeout):
    """Describe a requests failure by class and host only: its str() carries the URL, which may hold a signed query."""
    exceptions = requests.exceptions
    if isinstance(exc, exceptions.InvalidHeader):
        # raised before anything is sent and the same on every attempt: not retryable; its str() quotes the header value
        return ApiError(provider, "InvalidRequest", f"the request to {host} was not sent: {_BAD_HEADER_HINT}")
    if isinstance(exc, (exceptions.InvalidURL, exceptions.MissingSchema, exceptions.InvalidSchema, exceptions.URLRequired)):
        return ApiError(provider, "InvalidRequest", f"the request to {host} was not sent: the URL is invalid ({type(exc).__name__}); check endpoint")
    if isinstance(exc, exceptions.SSLError):
        match = _SSL_REASON.search(str(exc))
        # "[SSL: X] reason (_ssl.c:1020)": the regex stops at ")", so drop the unbalanced source-location tail
        reason = _SSL_LOCATION.sub("", match.group(0)).strip() if match else "certificate verification failed"
        return ApiError(provider, "TLSError", f"TLS handshake with {host} failed: {reason} (set ca_path to the CA bundle, or validate_certs=false)")
    if isinstance(exc, exceptions.ProxyError):
        return ApiError(provider, "ProxyError", f"the HTTP(S) proxy refused or failed the connection to {host}", retryable=True)
    if isinstance(exc, exceptions.ConnectTimeout):
        return ApiError(provider, "ConnectTimeout", f"connecting to {host} timed out after {round(timeout, 2)}s", retryable=True)
    if isinstance(exc, exceptions.ReadTimeout):
        return ApiError(provider, "ReadTimeout", f"{host} did not answer within {round(timeout, 2)}s", retryable=True)
    if isinstance(exc, exceptions.ConnectionError):
        return ApiError(provider, "ConnectionError", f"connection to {host} failed or was reset", retryable=True)
    if isinstance(exc, (exceptions.ChunkedEncodingError, exceptions.ContentDecodingError)):
        return ApiError(provider, "TruncatedResponse", f"the response from {host} was cut off or undecodable", retryable=True)
    return ApiError(provider, "TransportError", f"request to {host} failed: {type(exc).__name__}", retryable=True)


def map_ordered(func, items, max_workers):
    """Run func over items on a bounded pool; returns [(result, error)] in input order. Only LiveJobsError-like
    failures are captured; anything else is a bug and propagates."""
    def capture(item):
        try:
            return func(item), None
        except ApiError as error:
            return None, error

    if max_workers <= 1 or len(items) <= 1:
        return [capture(item) for item in items]
    # imported here: a run of one id needs no pool, and every import is paid again at each module start-up
    from concurrent.futures import ThreadPoolExecutor  # pylint: disable=import-outside-toplevel

    with ThreadPoolExecutor(max_workers=min(max_workers, len(items))) as pool:
        return list(pool.map(capture, items))
