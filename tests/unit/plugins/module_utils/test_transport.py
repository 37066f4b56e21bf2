# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Transport: session use, timeouts, TLS options, bounded jittered retries per vendor status/code, Retry-After, fan-out;
throttling retried until the deadline, deadlines, the credential guard."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest
import requests

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _pacing, _transport
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_alibaba as _alibaba
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_huawei as _huawei
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_volcengine as _volcengine
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import (
    MAX_RETRY_AFTER,
    Backoff,
    HttpRequest,
    Transport,
    map_ordered,
    transport_error,
)

# parse_retry_after moved into each vendor file; Alibaba's reads both Retry-After and x-acs-retry-after
parse_retry_after = _alibaba.parse_retry_after

SIGNED_URL = "https://ice.cn-shanghai.aliyuncs.com/?JobId=j1&Signature=SIGNATURE-VALUE-MUST-NOT-LEAK"
INTERPRET = {"alibaba": _alibaba.interpret, "volcengine": _volcengine.interpret, "huawei": _huawei.interpret}
ALI_OK = (200, {"RequestId": "REQ-OK", "RecordJob": {"JobId": "j1"}})
VOLC_OK = (200, {"ResponseMetadata": {"RequestId": "VREQ-OK"}, "Result": {"TaskId": "t1"}})
HW_OK = (200, {"job_id": "j1"}, {"X-Request-Id": "HREQ-OK"})
OK = {"alibaba": ALI_OK, "volcengine": VOLC_OK, "huawei": HW_OK}


class CountingLimiter:
    def __init__(self):
        self.acquired = 0
        self.succeeded_calls = 0
        self.throttled_calls = []

    def acquire(self, max_wait=None):
        self.acquired += 1
        return 0.0

    def now(self):
        return float(self.acquired)

    def throttled(self, sent_at=None, retry_after=None):
        self.throttled_calls.append((sent_at, retry_after))

    def succeeded(self):
        self.succeeded_calls += 1


def make_transport(session, fake_clock, retries=5, rng=lambda: 1.0, **kwargs):
    return Transport(session=session, sleep=fake_clock.sleep, retries=retries, backoff=Backoff(rng=rng), **kwargs)


def builder(method="GET", url=SIGNED_URL, body=b""):
    built = []

    def build():
        built.append(1)
        return HttpRequest(method, url, {"Host": "ice.cn-shanghai.aliyuncs.com", "Authorization": "sig"}, body)
    build.count = built
    return build


def alibaba_error(status, code, headers=None):
    return (status, {"RequestId": f"REQ-{code}", "HostId": "ice.aliyuncs.com", "Code": code, "Message": f"{code} message"}, headers or {})


def volc_error(status, code):
    return (status, {"ResponseMetadata": {"RequestId": f"VREQ-{code}", "Action": "GetPullRecordTask", "Version": "2023-01-01",
                                          "Error": {"CodeN": 1, "Code": code, "Message": f"{code} message"}}})


def huawei_error(status, code):
    return (status, {"error_code": code, "error_msg": f"{code} message"}, {"X-Request-Id": f"HREQ-{code}"})


# --- what is sent -------------------------------------------------------------------------------------------------


def test_request_arguments_passed_to_session(make_session, fake_clock):
    session = make_session([ALI_OK])
    transport = make_transport(session, fake_clock, timeout=3.5)
    reply = transport.call("alibaba", builder(body=b""), _alibaba.interpret)
    assert reply.request_id == "REQ-OK"
    assert reply.http_status == 200
    assert len(session.calls) == 1
    call = session.calls[0]
    assert call["method"] == "GET"
    assert call["url"] == SIGNED_URL
    assert call["headers"] == {"Host": "ice.cn-shanghai.aliyuncs.com", "Authorization": "sig"}
    assert call["data"] is None
    assert call["timeout"] == 3.5
    assert call["verify"] is True
    assert call["allow_redirects"] is False


def test_body_bytes_sent_unchanged(make_session, fake_clock):
    session = make_session([VOLC_OK])
    body = b'{"TaskID": "t1"}'
    make_transport(session, fake_clock).call("volcengine", builder("POST", body=body), _volcengine.interpret)
    assert session.calls[0]["data"] == body
    assert session.calls[0]["method"] == "POST"


@pytest.mark.parametrize("validate_certs, ca_path, expected", [
    (True, None, True),
    (True, "/etc/pki/private-ca.pem", "/etc/pki/private-ca.pem"),
    (False, None, False),
    (False, "/etc/pki/private-ca.pem", False),
])
def test_tls_verification_options(make_session, fake_clock, validate_certs, ca_path, expected):
    session = make_session([ALI_OK])
    make_transport(session, fake_clock, validate_certs=validate_certs, ca_path=ca_path).call("alibaba", builder(), _alibaba.interpret)
    assert session.calls[0]["verify"] == expected


def test_default_timeout_is_ten_seconds(make_session, fake_clock):
    session = make_session([ALI_OK])
    Transport(session=session, sleep=fake_clock.sleep).call("alibaba", builder(), _alibaba.interpret)
    assert session.calls[0]["timeout"] == 10.0


def test_own_session_is_a_requests_session_with_bounded_pool_and_no_urllib3_retries():
    transport = Transport(max_connections=12)
    try:
        assert isinstance(transport.session, requests.Session)
        for scheme in ("https://", "http://"):
            adapter = transport.session.get_adapter(scheme + "example.com")
            assert isinstance(adapter, requests.adapters.HTTPAdapter)
            assert adapter._pool_maxsize == 12  # pylint: disable=protected-access
            assert adapter.max_retries.total == 0
    finally:
        transport.session.close()


def test_one_session_reused_for_every_call(make_session, fake_clock):
    session = make_session([ALI_OK] * 3)
    transport = make_transport(session, fake_clock)
    for call_number in range(3):
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert transport.session is session
    assert len(session.calls) == 3


# --- retries per vendor status / code -------------------------------------------------------------------------------

RETRYABLE = [
    ("alibaba", alibaba_error(400, "Throttling")),
    ("alibaba", alibaba_error(400, "Throttling.User")),
    ("alibaba", alibaba_error(400, "Throttling.Api")),
    ("alibaba", alibaba_error(429, "Throttling.User")),
    ("alibaba", alibaba_error(200, "Throttling")),
    ("alibaba", alibaba_error(403, "RequestsTooFrequent")),
    ("alibaba", alibaba_error(400, "SignatureNonceUsed")),
    ("alibaba", alibaba_error(500, "InternalError")),
    ("alibaba", alibaba_error(503, "ServiceUnavailable")),
    ("alibaba", (502, "<html><body>Bad Gateway</body></html>", {"Content-Type": "text/html"})),
    ("alibaba", (504, b"")),
    ("alibaba", (200, b'{"RecordJob": {"JobId"')),
    ("volcengine", volc_error(429, "FlowLimitExceeded")),
    ("volcengine", volc_error(429, "AccountFlowLimitExceeded")),
    ("volcengine", (429, {"ResponseMetadata": {"RequestId": "VREQ-429"}})),
    ("volcengine", volc_error(200, "CommonErr")),
    ("volcengine", volc_error(500, "InternalError")),
    ("volcengine", volc_error(502, "InternalServiceError")),
    ("volcengine", volc_error(502, "InternalServiceError.BadResponse")),
    ("volcengine", volc_error(504, "InternalServiceTimeout")),
    ("volcengine", volc_error(503, "ServiceUnavailableTemp")),
    ("huawei", huawei_error(429, "APIG.0308")),
    ("huawei", huawei_error(500, "RTC.00002001")),
    ("huawei", huawei_error(502, "APIG.0201")),
    ("huawei", (503, "<html>Service Unavailable</html>", {"Content-Type": "text/html"})),
]

NOT_RETRYABLE = [
    ("alibaba", alibaba_error(400, "MissingParameter")),
    ("alibaba", alibaba_error(400, "InvalidParameter")),
    ("alibaba", alibaba_error(403, "UserDisable")),
    ("alibaba", alibaba_error(403, "Forbidden")),
    ("alibaba", alibaba_error(403, "OperationDenied")),
    ("alibaba", alibaba_error(404, "JobNotFound")),
    ("alibaba", alibaba_error(404, "ResourceNotFound")),
    ("alibaba", alibaba_error(400, "InvalidTimeStamp.Expired")),
    ("alibaba", alibaba_error(400, "SignatureDoesNotMatch")),
    ("alibaba", (403, "<html>Forbidden</html>", {"Content-Type": "text/html"})),
    ("volcengine", volc_error(400, "InvalidParam")),
    ("volcengine", volc_error(400, "InvalidParam.BindError")),
    ("volcengine", volc_error(403, "RequestForbidden")),
    ("volcengine", volc_error(403, "RequestForbidden.AccountIDNotAllow")),
    ("volcengine", volc_error(403, "RequestForbidden.BillingStatus")),
    ("volcengine", volc_error(404, "ResourceNotFound")),
    ("volcengine", volc_error(401, "SignatureDoesNotMatch")),
    ("huawei", huawei_error(404, "RTC.00001003")),
    ("huawei", huawei_error(401, "APIG.0301")),
    ("huawei", huawei_error(400, "RTC.00001001")),
]


def _error_code(body):
    if not isinstance(body, dict):
        return 'raw'
    return body.get('Code') or body.get('error_code') or (body.get('ResponseMetadata', {}).get('Error') or {}).get('Code')


def _ids(cases):
    return [f"{provider}-{spec[0]}-{_error_code(spec[1])}" for provider, spec in cases]


@pytest.mark.parametrize("provider, failure", RETRYABLE, ids=_ids(RETRYABLE))
def test_retryable_failure_then_success(make_session, fake_clock, provider, failure):
    session = make_session([failure, failure, OK[provider]])
    build = builder()
    transport = make_transport(session, fake_clock, retries=5)
    reply = transport.call(provider, build, INTERPRET[provider])
    assert reply.http_status == 200
    assert len(session.calls) == 3
    assert len(build.count) == 3, "every attempt must be built (signed) afresh"
    assert len(fake_clock.sleeps) == 2
    assert transport.stats.as_dict()["requests"] == 3
    assert transport.stats.as_dict()["retries"] == 2


@pytest.mark.parametrize("provider, failure", RETRYABLE, ids=_ids(RETRYABLE))
def test_retryable_failure_gives_up_after_retries(make_session, fake_clock, provider, failure):
    session = make_session([failure] * 4)
    transport = make_transport(session, fake_clock, retries=3)
    with pytest.raises(ApiError) as info:
        transport.call(provider, builder(), INTERPRET[provider])
    assert info.value.retryable is True
    assert info.value.provider == provider
    assert info.value.http_status == failure[0]
    assert len(session.calls) == 4  # 1 + retries
    assert len(fake_clock.sleeps) == 3


@pytest.mark.parametrize("provider, failure", NOT_RETRYABLE, ids=_ids(NOT_RETRYABLE))
def test_not_retryable_failure_is_sent_once(make_session, fake_clock, provider, failure):
    session = make_session([failure, OK[provider]])
    transport = make_transport(session, fake_clock, retries=5)
    with pytest.raises(ApiError) as info:
        transport.call(provider, builder(), INTERPRET[provider])
    assert info.value.retryable is False
    assert info.value.http_status == failure[0]
    assert len(session.calls) == 1
    assert fake_clock.sleeps == []


def test_retries_zero_means_one_attempt(make_session, fake_clock):
    session = make_session([alibaba_error(503, "ServiceUnavailable"), ALI_OK])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock, retries=0).call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "ServiceUnavailable"
    assert len(session.calls) == 1


def test_last_error_is_raised_when_retries_run_out(make_session, fake_clock):
    session = make_session([alibaba_error(503, "ServiceUnavailable"), alibaba_error(400, "Throttling.User")])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock, retries=1).call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "Throttling.User"
    assert info.value.request_id == "REQ-Throttling.User"


# --- transport errors ---------------------------------------------------------------------------------------------

TRANSPORT_FAILURES = [
    (requests.exceptions.ConnectTimeout(f"HTTPSConnectionPool: Max retries exceeded with url: {SIGNED_URL}"), "ConnectTimeout", True),
    (requests.exceptions.ReadTimeout(f"Read timed out. (read timeout=10) {SIGNED_URL}"), "ReadTimeout", True),
    (requests.exceptions.ConnectionError(f"Connection reset by peer {SIGNED_URL}"), "ConnectionError", True),
    (requests.exceptions.ProxyError(f"Cannot connect to proxy {SIGNED_URL}"), "ProxyError", True),
    (requests.exceptions.ChunkedEncodingError(f"Connection broken: IncompleteRead {SIGNED_URL}"), "TruncatedResponse", True),
    (requests.exceptions.ContentDecodingError(f"bad gzip {SIGNED_URL}"), "TruncatedResponse", True),
    (requests.exceptions.SSLError(f"HTTPSConnectionPool(host='ice'): Max retries exceeded with url: {SIGNED_URL} "
                                  "(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate "
                                  "verify failed: self-signed certificate in certificate chain (_ssl.c:1010)')))"), "TLSError", False),
]


@pytest.mark.parametrize("exc, code, retryable", TRANSPORT_FAILURES, ids=[t[1] + "-" + type(t[0]).__name__ for t in TRANSPORT_FAILURES])
def test_transport_errors(make_session, fake_clock, exc, code, retryable):
    session = make_session([exc, exc, exc])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock, retries=2, timeout=4.0).call("alibaba", builder(), _alibaba.interpret)
    error = info.value
    assert error.code == code
    assert error.retryable is retryable
    assert error.http_status is None
    assert error.provider == "alibaba"
    assert "ice.cn-shanghai.aliyuncs.com" in error.message
    assert "SIGNATURE-VALUE-MUST-NOT-LEAK" not in str(error)
    assert "Signature" not in str(error)
    assert len(session.calls) == (3 if retryable else 1)


def test_tls_error_keeps_the_ssl_reason_and_gives_a_hint(make_session, fake_clock):
    session = make_session([TRANSPORT_FAILURES[-1][0]])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock).call("alibaba", builder(), _alibaba.interpret)
    assert "CERTIFICATE_VERIFY_FAILED" in info.value.message
    assert "ca_path" in info.value.message


def test_timeout_in_message(make_session, fake_clock):
    session = make_session([requests.exceptions.ReadTimeout("x")])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock, retries=0, timeout=2.5).call("alibaba", builder(), _alibaba.interpret)
    assert "2.5s" in info.value.message


def test_body_read_failure_is_a_transport_error(make_session, fake_clock):
    session = make_session([(200, requests.exceptions.ChunkedEncodingError("cut")), ALI_OK])
    reply = make_transport(session, fake_clock).call("alibaba", builder(), _alibaba.interpret)
    assert reply.request_id == "REQ-OK"
    assert len(session.calls) == 2


def test_transport_error_then_success(make_session, fake_clock):
    session = make_session([requests.exceptions.ConnectionError("reset"), requests.exceptions.ReadTimeout("slow"), HW_OK])
    reply = make_transport(session, fake_clock).call("huawei", builder(), _huawei.interpret)
    assert reply.request_id == "HREQ-OK"
    assert len(session.calls) == 3


# --- backoff and Retry-After --------------------------------------------------------------------------------------


def test_backoff_is_exponential_and_capped(make_session, fake_clock):
    failure = alibaba_error(503, "ServiceUnavailable")
    session = make_session([failure] * 8)
    transport = Transport(session=session, sleep=fake_clock.sleep, retries=7, backoff=Backoff(base=0.5, cap=20.0, rng=lambda: 1.0))
    with pytest.raises(ApiError):
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert fake_clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 20.0]


def test_backoff_is_full_jitter():
    values = iter([0.0, 0.25, 0.5, 0.999])
    backoff = Backoff(base=1.0, cap=100.0, rng=lambda: next(values))
    assert [backoff.delay(3) for call_number in range(4)] == [0.0, 2.0, 4.0, 8.0 * 0.999]


def test_default_backoff_stays_within_bounds():
    backoff = Backoff()
    delays = [backoff.delay(attempt) for attempt in range(10) for sample in range(50)]
    assert all(0.0 <= delay <= 20.0 for delay in delays)
    assert len(set(delays)) > 100, "delays must be randomized (jitter)"


@pytest.mark.parametrize("headers, expected", [
    ({"Retry-After": "7"}, 7.0),
    ({"Retry-After": "2.5"}, 2.5),
    ({"x-acs-retry-after": "1500"}, 1.5),
    ({"X-Acs-Retry-After": "250"}, 0.25),
    ({"Retry-After": "3600"}, MAX_RETRY_AFTER),
])
def test_retry_after_is_honoured(make_session, fake_clock, headers, expected):
    session = make_session([alibaba_error(400, "Throttling.User", headers), ALI_OK])
    transport = make_transport(session, fake_clock, rng=lambda: 0.0)
    transport.call("alibaba", builder(), _alibaba.interpret)
    assert fake_clock.sleeps == [expected]
    assert len(session.calls) == 2


def test_retry_after_on_volcengine_and_huawei_throttling(make_session, fake_clock):
    volc = (429, {"ResponseMetadata": {"RequestId": "V", "Error": {"Code": "FlowLimitExceeded", "Message": "slow down"}}}, {"Retry-After": "3"})
    hw = (429, {"error_code": "APIG.0308", "error_msg": "over ratelimit"}, {"Retry-After": "4", "X-Request-Id": "H"})
    session = make_session([volc, VOLC_OK, hw, HW_OK])
    transport = make_transport(session, fake_clock, rng=lambda: 0.0)
    transport.call("volcengine", builder("POST"), _volcengine.interpret)
    transport.call("huawei", builder(), _huawei.interpret)
    assert fake_clock.sleeps == [3.0, 4.0]


def test_unparseable_retry_after_falls_back_to_backoff(make_session, fake_clock):
    headers = {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}
    session = make_session([alibaba_error(503, "ServiceUnavailable", headers), ALI_OK])
    make_transport(session, fake_clock, rng=lambda: 1.0).call("alibaba", builder(), _alibaba.interpret)
    assert fake_clock.sleeps == [0.5]


@pytest.mark.parametrize("headers, expected", [
    ({}, None),
    ({"retry-after": "5"}, 5.0),
    ({"retry-after": "0"}, None),
    ({"retry-after": "-3"}, None),
    ({"retry-after": "soon"}, None),
    ({"x-acs-retry-after": "2000"}, 2.0),
    ({"retry-after": "bad", "x-acs-retry-after": "1000"}, 1.0),
    ({"retry-after": "4", "x-acs-retry-after": "1000"}, 4.0),
])
def test_parse_retry_after(headers, expected):
    assert parse_retry_after(headers) == expected


def test_backoff_delay_prefers_retry_after():
    backoff = Backoff(rng=lambda: 1.0)
    assert backoff.delay(0, 9) == 9.0
    assert backoff.delay(0, 0) == 0.5
    assert backoff.delay(0, None) == 0.5
    assert backoff.delay(0, 10_000) == MAX_RETRY_AFTER


# --- limiter, stats ---------------------------------------------------------------------------------------------


def test_rate_limiter_acquired_for_every_attempt(make_session, fake_clock):
    limiter = CountingLimiter()
    failure = alibaba_error(400, "Throttling")
    session = make_session([failure, failure, ALI_OK])
    make_transport(session, fake_clock, rate_limiter=limiter).call("alibaba", builder(), _alibaba.interpret)
    assert limiter.acquired == 3
    assert limiter.succeeded_calls == 1, "only the answered request counts towards the quota estimate"


def test_stats_count_requests_retries_and_throttling(make_session, fake_clock):
    session = make_session([
        alibaba_error(400, "Throttling.User"), alibaba_error(503, "ServiceUnavailable"), ALI_OK,
        ALI_OK,
        alibaba_error(404, "JobNotFound"),
    ])
    transport = make_transport(session, fake_clock)
    transport.call("alibaba", builder(), _alibaba.interpret)
    transport.call("alibaba", builder(), _alibaba.interpret)
    with pytest.raises(ApiError):
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert transport.stats.as_dict() == {"requests": 5, "retries": 2, "throttled": 1}


def _vendor_error(vendor, code, status):
    """The ApiError each vendor's reply reader makes of (code, HTTP status): is_throttling is gone, the vendor sets .throttled."""
    if vendor == "alibaba":
        return _alibaba.error_from_body({"Code": code} if code else {}, status, "R", None)
    if vendor == "volcengine":
        return _volcengine.error_from_metadata({"Code": code} if code else {}, status, "R", None)
    return _huawei.error_from_body({"error_code": code} if code else {}, status, "R", None)


@pytest.mark.parametrize("vendor, code, status, expected", [
    ("alibaba", "Throttling", 400, True),
    ("alibaba", "Throttling.User", 400, True),
    ("volcengine", "FlowLimitExceeded", 429, True),
    ("volcengine", "AccountFlowLimitExceeded", 429, True),
    ("huawei", "APIG.0308", 429, True),
    ("alibaba", "HTTP429", 429, True),
    ("volcengine", "HTTP429", 429, True),
    ("huawei", "HTTP429", 429, True),
    ("alibaba", "ServiceUnavailable", 503, False),
    ("alibaba", None, 500, False),
    ("volcengine", None, 500, False),
    ("huawei", None, 500, False),
    # issue 13: ICE's own throttling code (HTTP 403)
    ("alibaba", "RequestsTooFrequent", 403, True),
])
def test_is_throttling(vendor, code, status, expected):
    assert _vendor_error(vendor, code, status).throttled is expected


def test_transport_errors_are_never_throttling_or_credential_errors():
    for exc in (requests.exceptions.ConnectTimeout("x"), requests.exceptions.ReadTimeout("x"), requests.exceptions.ConnectionError("x")):
        error = transport_error("alibaba", "ice.cn-shanghai.aliyuncs.com", exc, 10)
        assert (error.throttled, error.credential) == (False, False)


# --- map_ordered ------------------------------------------------------------------------------------------------


def test_map_ordered_keeps_input_order_when_answers_come_out_of_order():
    items = list(range(6))
    last_done = threading.Event()
    finished = []
    lock = threading.Lock()

    def func(item):
        if item == 0:
            assert last_done.wait(5), "worker for item 0 never saw the others finish: the pool is not parallel"
        with lock:
            finished.append(item)
            if len(finished) == len(items) - 1:
                last_done.set()
        return item * 10

    results = map_ordered(func, items, max_workers=6)
    assert results == [(item * 10, None) for item in items]
    assert finished[-1] == 0, "item 0 must have finished last, proving out-of-order completion"


def test_map_ordered_is_bounded():
    in_flight = 0
    peak = 0
    lock = threading.Lock()
    barrier = threading.Barrier(3, timeout=5)

    def func(item):
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        barrier.wait()
        with lock:
            in_flight -= 1
        return item

    results = map_ordered(func, list(range(9)), max_workers=3)
    assert [r for r, error in results] == list(range(9))
    assert peak == 3


def test_map_ordered_captures_api_errors_per_item():
    def func(item):
        if item % 2:
            raise ApiError("alibaba", "JobNotFound", f"no {item}", 404, f"R{item}")
        return item

    results = map_ordered(func, [0, 1, 2, 3], max_workers=4)
    assert [r for r, error in results] == [0, None, 2, None]
    assert [e.request_id if e else None for r, e in results] == [None, "R1", None, "R3"]


@pytest.mark.parametrize("workers", [1, 4])
def test_map_ordered_propagates_bugs(workers):
    def func(item):
        raise KeyError("bug")

    with pytest.raises(KeyError):
        map_ordered(func, [1, 2], max_workers=workers)


def test_map_ordered_sequential_and_empty():
    seen = []
    assert map_ordered(lambda i: seen.append(threading.current_thread().name) or i, [1, 2, 3], max_workers=1) == [(1, None), (2, None), (3, None)]
    assert set(seen) == {threading.current_thread().name}
    assert map_ordered(lambda i: i, [], max_workers=8) == []


def test_transport_module_has_guarded_requests_import():
    assert _transport.HAS_REQUESTS is True
    assert _transport.REQUESTS_IMPORT_ERROR is None


# --- requests that can never be sent ------------------------------------------------------------------------------


class RecordingAdapter(requests.adapters.BaseAdapter):
    """A real requests.Session with this adapter mounted never touches the network."""

    def __init__(self):
        super().__init__()
        self.sent = []

    def send(self, request, **kwargs):
        self.sent.append(request)
        response = requests.models.Response()
        response.status_code = 200
        response._content = b'{"RequestId": "REQ-OK", "RecordJob": {"JobId": "j1"}}'  # pylint: disable=protected-access
        return response

    def close(self):
        pass


def test_real_session_through_a_recording_adapter(fake_clock):
    session = requests.Session()
    adapter = RecordingAdapter()
    session.mount("https://", adapter)
    reply = Transport(session=session, sleep=fake_clock.sleep).call("alibaba", builder(), _alibaba.interpret)
    assert reply.request_id == "REQ-OK"
    assert len(adapter.sent) == 1 and adapter.sent[0].url == SIGNED_URL


@pytest.mark.parametrize("bad_value", ["LTAI5tQ8ExampleAccessKey\n", "token\r\nX-Injected: 1", " leading-space"])
def test_invalid_header_value_is_not_retried_and_not_quoted(fake_clock, bad_value):
    session = requests.Session()
    adapter = RecordingAdapter()
    session.mount("https://", adapter)

    def build():
        return HttpRequest("GET", SIGNED_URL, {"x-acs-security-token": bad_value, "Authorization": "sig"})

    with pytest.raises(ApiError) as info:
        Transport(session=session, sleep=fake_clock.sleep, retries=5).call("alibaba", build, _alibaba.interpret)
    assert info.value.code == "InvalidRequest"
    assert info.value.retryable is False
    assert bad_value.strip() not in str(info.value)
    assert "security_token" in info.value.message
    assert adapter.sent == [] and fake_clock.sleeps == []


def test_non_latin1_header_value_is_an_api_error_not_a_crash(make_session, fake_clock):
    exc = UnicodeEncodeError("latin-1", "Credential=作业", 11, 13, "ordinal not in range(256)")
    session = make_session([exc, ALI_OK])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock).call("alibaba", builder(), _alibaba.interpret)
    assert (info.value.code, info.value.retryable) == ("InvalidRequest", False)
    assert "作业" not in str(info.value)
    assert len(session.calls) == 1


@pytest.mark.parametrize("exc", [requests.exceptions.InvalidURL("bad"), requests.exceptions.MissingSchema("x"),
                                 requests.exceptions.InvalidSchema("x")])
def test_invalid_url_is_not_retried(make_session, fake_clock, exc):
    session = make_session([exc, ALI_OK])
    with pytest.raises(ApiError) as info:
        make_transport(session, fake_clock).call("alibaba", builder(), _alibaba.interpret)
    assert (info.value.code, info.value.retryable) == ("InvalidRequest", False)
    assert len(session.calls) == 1


def test_netrc_never_replaces_the_signed_authorization_header(tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine ice.cn-shanghai.aliyuncs.com login someone password NetrcPasswordThatMustNotBeUsed0\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    signed = "ACS3-HMAC-SHA256 Credential=LTAI5tExampleAccessKey01,SignedHeaders=host,Signature=00ff"
    url = "https://ice.cn-shanghai.aliyuncs.com/?JobId=j1"
    plain = requests.Session().prepare_request(requests.Request("GET", url, headers={"Authorization": signed}))
    assert plain.headers["Authorization"].startswith("Basic ")  # what requests alone would send
    ours = _transport.Transport().session.prepare_request(requests.Request("GET", url, headers={"Authorization": signed}))
    assert ours.headers["Authorization"] == signed


def test_with_rate_limiter_shares_everything_but_the_pacing():
    slow = _pacing.RateLimiter(2.0)
    deadline = _pacing.Deadline(60.0)
    main = _transport.Transport(timeout=3.0, validate_certs=False, retries=2, rate_limiter=_pacing.RateLimiter(50.0), sleep=lambda s: None,
                                deadline=deadline)
    sibling = main.with_rate_limiter(slow)
    assert sibling.rate_limiter is slow and main.rate_limiter is not slow
    assert sibling.session is main.session and sibling.stats is main.stats and sibling.backoff is main.backoff
    assert (sibling.timeout, sibling.verify, sibling.retries) == (3.0, False, 2)
    # one deadline and one credential guard per task: a List call's credential error stops the Gets too
    assert sibling.deadline is deadline and sibling.guard is main.guard


# --- throttling until the deadline (issue 13) ---------------------------------------------------------------------

THROTTLED = alibaba_error(400, "Throttling.User")


def paced_transport(session, fake_clock, rate=10.0, deadline=300.0, retries=5, **kwargs):
    """A Transport as a task builds it: adaptive limiter and deadline on the fake clock, no real sleeping."""
    limiter = _pacing.RateLimiter(rate, clock=fake_clock.monotonic, sleep=fake_clock.sleep)
    deadline = None if deadline is None else _pacing.Deadline(deadline, clock=fake_clock.monotonic)
    return Transport(session=session, sleep=fake_clock.sleep, retries=retries, backoff=Backoff(rng=lambda: 1.0),
                     rate_limiter=limiter, deadline=deadline, **kwargs)


@pytest.mark.parametrize("retries", [0, 2, 5])
def test_throttled_replies_are_retried_until_the_deadline_not_retries_times(make_session, fake_clock, retries):
    session = make_session([THROTTLED] * 25 + [ALI_OK])
    transport = paced_transport(session, fake_clock, retries=retries)
    reply = transport.call("alibaba", builder(), _alibaba.interpret)
    assert reply.request_id == "REQ-OK"
    assert len(session.calls) == 26, "25 throttled replies are not a failure while the deadline lasts"
    assert transport.stats.as_dict() == {"requests": 26, "retries": 25, "throttled": 25}
    assert fake_clock.monotonic() - 1000.0 < 300.0


def test_throttled_replies_without_a_limiter_back_off_until_the_deadline(make_session, fake_clock):
    session = make_session([THROTTLED] * 12 + [ALI_OK])
    transport = Transport(session=session, sleep=fake_clock.sleep, retries=1, backoff=Backoff(rng=lambda: 1.0),
                          deadline=_pacing.Deadline(600.0, clock=fake_clock.monotonic))
    transport.call("alibaba", builder(), _alibaba.interpret)
    assert len(session.calls) == 13
    # backoff grows with the throttled count, capped at attempt 6 (0.5 * 2**6 = 32 s, then the 20 s cap)
    assert fake_clock.sleeps == [1.0, 2.0, 4.0, 8.0, 16.0] + [20.0] * 7


def test_without_a_deadline_throttled_replies_still_count_against_retries(make_session, fake_clock):
    session = make_session([THROTTLED] * 10)
    transport = paced_transport(session, fake_clock, deadline=None, retries=3)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "Throttling.User"
    assert len(session.calls) == 4


def test_other_retryable_errors_stay_bounded_by_retries_under_a_deadline(make_session, fake_clock):
    session = make_session([alibaba_error(503, "ServiceUnavailable")] * 10)
    transport = paced_transport(session, fake_clock, retries=3)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "ServiceUnavailable"
    assert len(session.calls) == 4


def test_throttled_replies_do_not_use_up_the_retries_of_other_errors(make_session, fake_clock):
    unavailable = alibaba_error(503, "ServiceUnavailable")
    script = [unavailable] + [THROTTLED] * 10 + [unavailable, ALI_OK]
    transport = paced_transport(make_session(list(script)), fake_clock, retries=2)
    assert transport.call("alibaba", builder(), _alibaba.interpret).request_id == "REQ-OK"
    transport = paced_transport(make_session(list(script)), fake_clock, retries=1)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "ServiceUnavailable"
    assert len(transport.session.calls) == 12


def test_throttled_reply_slows_the_shared_limiter(make_session, fake_clock):
    limiter = CountingLimiter()
    session = make_session([alibaba_error(400, "Throttling.User", {"x-acs-retry-after": "1500"}), ALI_OK])
    Transport(session=session, sleep=fake_clock.sleep, rate_limiter=limiter,
              deadline=_pacing.Deadline(60.0, clock=fake_clock.monotonic)).call("alibaba", builder(), _alibaba.interpret)
    assert limiter.throttled_calls == [(1.0, 1.5)], "told when the throttled request was sent and the Retry-After"
    assert fake_clock.sleeps == [], "with a limiter the wait is the limiter's (its Retry-After debt), not a second sleep"


def test_deadline_exceeded_names_the_last_error(make_session, fake_clock):
    session = make_session(lambda call: THROTTLED)
    transport = paced_transport(session, fake_clock, deadline=5.0, retries=2)
    start = fake_clock.monotonic()
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    error = info.value
    assert error.code == "DeadlineExceeded"
    assert error.provider == "alibaba"
    assert "5s" in error.message and "Throttling.User" in error.message and "Throttling.User message" in error.message
    assert error.retryable is False
    assert len(session.calls) > 3, "throttled requests went on past `retries` while the deadline lasted"
    assert fake_clock.monotonic() - start <= 5.0, "never waits past the deadline"


def test_backoff_longer_than_the_remaining_deadline_stops_at_once(make_session, fake_clock):
    session = make_session([alibaba_error(503, "ServiceUnavailable", {"Retry-After": "30"}), ALI_OK])
    transport = paced_transport(session, fake_clock, deadline=10.0)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "DeadlineExceeded" and "ServiceUnavailable" in info.value.message
    assert len(session.calls) == 1
    assert not [s for s in fake_clock.sleeps if s >= 1], "no sleep that the deadline cannot cover"


def test_expired_deadline_sends_nothing(make_session, fake_clock):
    session = make_session([ALI_OK])
    transport = paced_transport(session, fake_clock, deadline=1.0)
    fake_clock.advance(1.0)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "DeadlineExceeded" and "last error" not in info.value.message
    assert session.calls == []


def test_request_timeout_is_capped_by_the_remaining_deadline(make_session, fake_clock):
    session = make_session([ALI_OK] * 3)
    transport = paced_transport(session, fake_clock, deadline=3.0, timeout=10.0)
    transport.call("alibaba", builder(), _alibaba.interpret)
    fake_clock.advance(2.5)
    transport.call("alibaba", builder(), _alibaba.interpret)
    assert session.calls[0]["timeout"] == pytest.approx(3.0)
    assert session.calls[1]["timeout"] == pytest.approx(0.5)
    uncapped = paced_transport(session, fake_clock, deadline=3600.0, timeout=10.0)
    uncapped.call("alibaba", builder(), _alibaba.interpret)
    assert session.calls[2]["timeout"] == 10.0


def test_pacing_longer_than_the_deadline_is_a_deadline_error(make_session, fake_clock):
    session = make_session([ALI_OK, ALI_OK])
    transport = paced_transport(session, fake_clock, rate=0.1, deadline=5.0)  # one request per 10 s
    transport.call("alibaba", builder(), _alibaba.interpret)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "DeadlineExceeded"
    assert len(session.calls) == 1 and fake_clock.sleeps == []


# --- the credential guard -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("provider, failure, code", [
    ("alibaba", alibaba_error(400, "SignatureDoesNotMatch"), "SignatureDoesNotMatch"),
    ("alibaba", alibaba_error(404, "InvalidAccessKeyId.NotFound"), "InvalidAccessKeyId.NotFound"),
    ("alibaba", alibaba_error(403, "Forbidden.RAM"), "Forbidden.RAM"),
    ("volcengine", volc_error(401, "SignatureDoesNotMatch"), "SignatureDoesNotMatch"),
    ("volcengine", volc_error(401, "InvalidAccessKey"), "InvalidAccessKey"),
    ("huawei", huawei_error(401, "APIG.0301"), "APIG.0301"),
])
def test_after_a_credential_error_nothing_more_is_sent(make_session, fake_clock, provider, failure, code):
    session = make_session([failure, OK[provider], OK[provider]])
    transport = paced_transport(session, fake_clock)
    with pytest.raises(ApiError) as first:
        transport.call(provider, builder(), INTERPRET[provider])
    assert first.value.credential is True and first.value.code == code
    for attempt in range(2):
        with pytest.raises(ApiError) as later:
            transport.call(provider, builder(), INTERPRET[provider])
        assert (later.value.code, later.value.provider, later.value.credential, later.value.retryable) == (code, provider, True, False)
        assert "not sent" in later.value.message
    assert len(session.calls) == 1
    assert transport.stats.requests == 1


def test_the_guard_is_shared_with_the_list_transport(make_session, fake_clock):
    session = make_session([alibaba_error(400, "SignatureDoesNotMatch"), ALI_OK])
    transport = paced_transport(session, fake_clock)
    lister = transport.with_rate_limiter(_pacing.RateLimiter(10.0, clock=fake_clock.monotonic, sleep=fake_clock.sleep))
    with pytest.raises(ApiError):
        lister.call("alibaba", builder(), _alibaba.interpret)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "SignatureDoesNotMatch" and "not sent" in info.value.message
    assert len(session.calls) == 1


def test_throttling_and_ordinary_errors_do_not_trip_the_guard(make_session, fake_clock):
    session = make_session([THROTTLED, alibaba_error(400, "InvalidParameter"), ALI_OK])
    transport = paced_transport(session, fake_clock)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert info.value.code == "InvalidParameter" and info.value.credential is False
    assert transport.call("alibaba", builder(), _alibaba.interpret).request_id == "REQ-OK"
    assert transport.guard.cause is None


def test_credential_guard_stops_300_ids_on_8_workers_after_one_request(make_session, fake_clock):
    """JobFetcher over a real Alibaba client: 8 workers, 300 ids, a wrong secret. The limiter spaces the workers;
    a worker's slot comes after the first reply, so the guard stops every other request before it is sent."""
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._credentials import Credentials
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._descriptors import Scope
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._fetch import JobFetcher
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS

    tripped = threading.Event()

    class SignalingGuard(_transport.CredentialGuard):
        def trip(self, error):
            super().trip(error)
            tripped.set()

    def sleep_until_the_first_reply(seconds):
        assert tripped.wait(10), "the first request never got its reply"
        fake_clock.sleep(seconds)

    body = {"RequestId": "SIG-1", "Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched with our calculation."}
    session = make_session(lambda call: (400, body))
    limiter = _pacing.RateLimiter(50.0, clock=fake_clock.monotonic, sleep=sleep_until_the_first_reply)
    transport = Transport(session=session, retries=5, rate_limiter=limiter, guard=SignalingGuard(),
                          deadline=_pacing.Deadline(300.0, clock=fake_clock.monotonic), sleep=fake_clock.sleep)
    creds = Credentials("alibaba", access_key="LTAI5tWrongSecretKey01", secret_key="wrong-secret-0123456789abcdef")
    client = _alibaba.make_client(transport, creds, "https://ice.cn-shanghai.aliyuncs.com", "ice.cn-shanghai.aliyuncs.com",
                                  lambda: datetime(2026, 3, 1, tzinfo=timezone.utc), lambda: "nonce", {})
    ids = [f"evt-{n:03d}" for n in range(300)]
    outcome = JobFetcher(APIS["ice_record"], client, Scope(region="cn-shanghai"), 8).fetch_many(ids)
    assert len(session.calls) == 1
    assert transport.stats.requests == 1
    assert outcome.jobs == [] and outcome.missing == {}
    assert list(outcome.failures) == ids, "every id is a failure, none dropped"
    assert {error.code for error in outcome.failures.values()} == {"SignatureDoesNotMatch"}
    sent_id = next(job_id for job_id, error in outcome.failures.items() if error.request_id == "SIG-1")
    assert sum(1 for error in outcome.failures.values() if "not sent" in error.message) == 299
    assert "not sent" not in outcome.failures[sent_id].message


def test_a_credential_error_on_a_5xx_reply_is_reported_as_the_vendor_sent_it(make_session, fake_clock):
    """A credential code with HTTP 500 is both `credential` and `retryable` (the status alone is retryable): the guard
    trips, so the retry is never sent; the id must still get the vendor's own error (with its request id), without a
    pointless backoff sleep first."""
    session = make_session([alibaba_error(500, "SignatureDoesNotMatch"), ALI_OK])
    transport = paced_transport(session, fake_clock)
    with pytest.raises(ApiError) as info:
        transport.call("alibaba", builder(), _alibaba.interpret)
    assert len(session.calls) == 1
    assert info.value.code == "SignatureDoesNotMatch"
    assert info.value.request_id == "REQ-SignatureDoesNotMatch" and "not sent" not in info.value.message
    assert fake_clock.sleeps == []
