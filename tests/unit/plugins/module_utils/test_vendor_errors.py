# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""interpret() of each vendor (_vendor_*.py): success replies and the typed ApiError parsed from each vendor's error
shape, with the vendor's throttling and credential flags."""

from __future__ import annotations

import json

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_alibaba as _alibaba
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_huawei as _huawei
from ansible_collections.mediaops.live_jobs.plugins.module_utils import _vendor_volcengine as _volcengine
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._replies import CLOCK_HINT, Reply
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import HttpResponse


def response(status, body, headers=None):
    raw = json.dumps(body).encode("utf-8") if isinstance(body, (dict, list)) else (body.encode("utf-8") if isinstance(body, str) else body)
    return HttpResponse(status=status, headers={k.lower(): v for k, v in (headers or {}).items()}, body=raw)


def error_of(interpret, resp):
    with pytest.raises(ApiError) as info:
        interpret(resp)
    return info.value


def fields(error):
    return (error.provider, error.code, error.message, error.http_status, error.request_id, error.retryable)


# --- Alibaba ------------------------------------------------------------------------------------------------------

ICE_RECORD_SEED = {
    "RecordJob": {"JobId": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66", "Status": "paused", "Name": "Live event recording task 1"},
    "RequestId": "B57A046C-CE33-5FBB-B57A-D2B89ACF6907",
}

# (HTTP status, code, message, retryable): the seeds' lists for GetLiveSnapshotJob and GetEdgeTranscodeJob, plus the
# generic Alibaba gateway codes ICE GetLiveRecordJob links to.
ALIBABA_CODES = [
    (400, "MissingParameter", "JobId", False),
    (400, "InvalidParameter", "JobId", False),
    (403, "UserDisable", "User is disable.", False),
    (403, "Forbidden", "User not authorized to operate on the specified resource.", False),
    (403, "OperationDenied", "Your account has not enabled the ICE service.", False),
    (404, "JobNotFound", "No such job.", False),
    (500, "InternalError", "The request processing has failed due to some unknown error.", True),
    (400, "Throttling", "Request was denied due to request throttling.", True),
    (400, "Throttling.User", "Request was denied due to user flow control.", True),
    (429, "Throttling.Api", "Request was denied due to api flow control.", True),
    (400, "SignatureNonceUsed", "Specified signature nonce was used already.", True),
    (503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.", True),
    (400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", False),
    (404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", False),
    (403, "Forbidden.RAM", "User not authorized to operate on the specified resource.", False),
]


@pytest.mark.parametrize("status, code, message, retryable", ALIBABA_CODES, ids=[f"{c[0]}-{c[1]}" for c in ALIBABA_CODES])
def test_alibaba_error_codes(status, code, message, retryable):
    body = {"RequestId": "5C0B7F8E-1111-2222-3333-444455556666", "HostId": "ice.cn-shanghai.aliyuncs.com", "Code": code,
            "Message": message, "Recommend": f"https://api.aliyun.com/troubleshoot?q={code}&product=ICE"}
    error = error_of(_alibaba.interpret, response(status, body))
    assert fields(error) == ("alibaba", code, message, status, "5C0B7F8E-1111-2222-3333-444455556666", retryable)
    assert error.retry_after is None
    assert f"{code}" in str(error) and f"HTTP status {status}" in str(error) and "request id 5C0B7F8E" in str(error)


def test_alibaba_success_reply():
    reply = _alibaba.interpret(response(200, ICE_RECORD_SEED))
    assert isinstance(reply, Reply)
    assert reply.body == ICE_RECORD_SEED
    assert reply.request_id == "B57A046C-CE33-5FBB-B57A-D2B89ACF6907"
    assert reply.http_status == 200


def test_alibaba_code_on_http_200_is_an_error():
    error = error_of(_alibaba.interpret, response(200, {"RequestId": "R", "Code": "Throttling.User", "Message": "slow"}))
    assert fields(error) == ("alibaba", "Throttling.User", "slow", 200, "R", True)


@pytest.mark.parametrize("code", ["InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "InvalidTimeStamp"])
def test_alibaba_clock_skew_gets_a_hint(code):
    error = error_of(_alibaba.interpret, response(400, {"RequestId": "R", "Code": code, "Message": "Specified time stamp or date value is expired."}))
    assert error.code == code
    assert error.message.startswith("Specified time stamp or date value is expired.")
    assert CLOCK_HINT in error.message
    assert error.retryable is False


def test_alibaba_x_acs_retry_after_makes_any_error_retryable():
    error = error_of(_alibaba.interpret, response(400, {"RequestId": "R", "Code": "Flow.Control", "Message": "m"}, {"x-acs-retry-after": "2000"}))
    assert error.retryable is True
    assert error.retry_after == 2.0


def test_alibaba_error_without_code_uses_http_status():
    error = error_of(_alibaba.interpret, response(502, {"RequestId": "R"}))
    assert fields(error) == ("alibaba", "HTTP502", "no message", 502, "R", True)


@pytest.mark.parametrize("status, body, content_type, code, retryable, phrase", [
    (502, "<html><body>502 Bad Gateway</body></html>", "text/html", "HTTP502", True, "HTML page"),
    (403, "<html>denied by proxy</html>", "text/html; charset=utf-8", "HTTP403", False, "HTML page"),
    (500, b"", None, "HTTP500", True, "empty body"),
    (200, b"", None, "MalformedResponse", True, "empty body"),
    (200, '{"RecordJob": {"JobId": "x"', "application/json", "MalformedResponse", True, "not a JSON object"),
    (200, "[1, 2]", "application/json", "MalformedResponse", True, "not a JSON object"),
    (200, b"\xff\xfe\x00garbage", "application/json", "MalformedResponse", True, "not a JSON object"),
    (404, "Not Found", "text/plain", "HTTP404", False, "not a JSON object"),
])
@pytest.mark.parametrize("interpret, provider", [(_alibaba.interpret, "alibaba"), (_volcengine.interpret, "volcengine"), (_huawei.interpret, "huawei")])
def test_unreadable_bodies(interpret, provider, status, body, content_type, code, retryable, phrase):
    headers = {"Content-Type": content_type} if content_type else {}
    error = error_of(interpret, response(status, body, headers))
    assert error.provider == provider
    assert error.code == code
    assert error.http_status == status
    assert error.retryable is retryable
    assert phrase in error.message


# --- Volcengine ---------------------------------------------------------------------------------------------------

VOLC_SEED = {
    "ResponseMetadata": {"RequestId": "202306041104200100100232280022D31", "Action": "GetPullRecordTask", "Version": "2023-01-01",
                         "Service": "live", "Region": "cn-north-1"},
    "Result": {"TaskId": "5b903f78c7f5ae*******01f6fe2eea", "Status": "生效中"},
}

# the seed's GetPullRecordTask table (HTTP status as listed) plus the gateway's throttling and auth codes
VOLC_CODES = [
    (200, "CommonErr", "-", True),
    (400, "InvalidParam", "-", False),
    (400, "InvalidParam.BindError", "Request parameter error, please check input data", False),
    (403, "RequestForbidden", "-", False),
    (403, "RequestForbidden.AccountIDNotAllow",
     "this AccountID does not have permission to access the corresponding resource, please check the request parameters", False),
    (403, "RequestForbidden.BillingStatus", "Billing status is not available for the AccountID, please activate the service or recharge.", False),
    (404, "ResourceNotFound", "-", False),
    (500, "InternalError", "an internal error occurred, please contact the administrator.", True),
    (502, "InternalServiceError", "an internal error occurred, please contact the administrator.", True),
    (502, "InternalServiceError.BadResponse", "an internal error occurred, please contact the administrator.", True),
    (504, "InternalServiceTimeout", "Internal Service is timeout. please contact the administrator.", True),
    (429, "FlowLimitExceeded", "请求过于频繁，超出基本调用频率限制", True),
    (429, "AccountFlowLimitExceeded", "account flow limit exceeded", True),
    (503, "ServiceUnavailableTemp", "service unavailable", True),
    (401, "SignatureDoesNotMatch", "signature mismatch", False),
    (401, "InvalidAccessKey", "invalid access key", False),
]


@pytest.mark.parametrize("status, code, message, retryable", VOLC_CODES, ids=[f"{c[0]}-{c[1]}" for c in VOLC_CODES])
def test_volcengine_error_codes(status, code, message, retryable):
    body = {"ResponseMetadata": {"RequestId": "20240101000000AAAABBBBCCCCDDDD", "Action": "GetPullRecordTask", "Version": "2023-01-01",
                                 "Service": "live", "Region": "cn-north-1", "Error": {"CodeN": 100023, "Code": code, "Message": message}}}
    error = error_of(_volcengine.interpret, response(status, body))
    assert fields(error) == ("volcengine", code, message, status, "20240101000000AAAABBBBCCCCDDDD", retryable)


def test_volcengine_success_reply():
    reply = _volcengine.interpret(response(200, VOLC_SEED))
    assert reply.body == VOLC_SEED
    assert reply.request_id == "202306041104200100100232280022D31"
    assert reply.http_status == 200


def test_volcengine_common_err_on_http_200_detected():
    body = {"ResponseMetadata": {"RequestId": "R200", "Error": {"Code": "CommonErr", "Message": "未分类错误"}}, "Result": {}}
    error = error_of(_volcengine.interpret, response(200, body))
    assert fields(error) == ("volcengine", "CommonErr", "未分类错误", 200, "R200", True)


def test_volcengine_invalid_timestamp_hint():
    body = {"ResponseMetadata": {"RequestId": "R", "Error": {"Code": "InvalidTimestamp", "Message": "The request has expired"}}}
    error = error_of(_volcengine.interpret, response(400, body))
    assert CLOCK_HINT in error.message
    assert error.retryable is False


def test_volcengine_http_error_without_error_object():
    error = error_of(_volcengine.interpret, response(429, {"ResponseMetadata": {"RequestId": "R"}}, {"Retry-After": "2"}))
    assert fields(error) == ("volcengine", "HTTP429", "no message", 429, "R", True)
    assert error.retry_after == 2.0


def test_volcengine_missing_metadata():
    error = error_of(_volcengine.interpret, response(500, {"message": "boom"}))
    assert fields(error) == ("volcengine", "HTTP500", "no message", 500, None, True)


# --- Huawei -------------------------------------------------------------------------------------------------------

HUAWEI_SEED = {"job_id": 1, "app_id": 1, "room_id": 100, "user_id": "user001", "state": "RUNNING"}

HUAWEI_CODES = [
    (404, "RTC.00001003", "InvalidParameterValue", False),
    (500, "RTC.00002xxx", "InternalError", True),
    (500, "RTC.00002001", "InternalError", True),
    (429, "APIG.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second", True),
    (429, "APIGW.0308", "The throttling threshold has been reached", True),
    (401, "APIG.0301", "Incorrect IAM authentication information: verify aksk signature fail", False),
    (400, "RTC.00001001", "OperationUnauthorized: get DomainID fail please check X-Auth-Token", False),
    (404, "APIG.0101", "The API does not exist or has not been published in the environment.", False),
    (502, "APIG.0201", "Backend unavailable", True),
    (504, "APIG.0201", "Backend timeout", True),
]


@pytest.mark.parametrize("status, code, message, retryable", HUAWEI_CODES, ids=[f"{c[0]}-{c[1]}" for c in HUAWEI_CODES])
def test_huawei_error_codes(status, code, message, retryable):
    error = error_of(_huawei.interpret, response(status, {"error_code": code, "error_msg": message}, {"X-Request-Id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"}))
    assert fields(error) == ("huawei", code, message, status, "0f1e2d3c4b5a69788796a5b4c3d2e1f0", retryable)


@pytest.mark.parametrize("body", [
    {"errorCode": "APIG.0308", "errorMsg": "over ratelimit"},
    {"code": "APIG.0308", "message": "over ratelimit"},
])
def test_huawei_alternative_error_shapes(body):
    error = error_of(_huawei.interpret, response(429, body, {"X-request-Id": "RID"}))
    assert fields(error) == ("huawei", "APIG.0308", "over ratelimit", 429, "RID", True)


def test_huawei_success_reply_uses_request_id_header():
    reply = _huawei.interpret(response(200, HUAWEI_SEED, {"X-request-Id": "HW-REQ-1"}))
    assert reply.body == HUAWEI_SEED
    assert reply.request_id == "HW-REQ-1"


def test_huawei_clock_skew_hint():
    error = error_of(_huawei.interpret, response(401, {"error_code": "APIG.0301", "error_msg": "Incorrect IAM authentication information: x-sdk-date expired"}))
    assert CLOCK_HINT in error.message


def test_huawei_unreadable_body_keeps_request_id():
    error = error_of(_huawei.interpret, response(502, "<html>bad gateway</html>", {"Content-Type": "text/html", "X-Request-Id": "RID-502"}))
    assert fields(error)[1:] == ("HTTP502", error.message, 502, "RID-502", True)


def test_huawei_error_without_code():
    error = error_of(_huawei.interpret, response(503, {"detail": "x"}, {"X-Request-Id": "R"}))
    assert fields(error) == ("huawei", "HTTP503", "no message", 503, "R", True)


def test_api_error_dict_and_description():
    error = ApiError("huawei", "APIG.0308", "over ratelimit", 429, "RID", retryable=True, retry_after=3.0)
    assert error.to_dict() == {"provider": "huawei", "code": "APIG.0308", "message": "over ratelimit", "http_status": 429,
                               "request_id": "RID", "retryable": True}
    assert str(error) == "huawei error APIG.0308: over ratelimit; HTTP status 429; request id RID"
    assert str(ApiError("alibaba", "ConnectTimeout", "slow")) == "alibaba error ConnectTimeout: slow"


def test_alibaba_plain_retry_after_does_not_make_not_found_retryable():
    error = error_of(_alibaba.interpret, response(404, {"RequestId": "R", "Code": "JobNotFound", "Message": "No such job."}, {"Retry-After": "3"}))
    assert (error.code, error.retryable) == ("JobNotFound", False)


def test_alibaba_request_id_header_used_when_the_body_has_none():
    html = "<html><body>502 Bad Gateway</body></html>"
    error = error_of(_alibaba.interpret, response(502, html, {"Content-Type": "text/html", "x-acs-request-id": "HDR-1"}))
    assert (error.code, error.request_id, error.retryable) == ("HTTP502", "HDR-1", True)
    error = error_of(_alibaba.interpret, response(500, {"Code": "InternalError", "Message": "m"}, {"x-acs-request-id": "HDR-2"}))
    assert error.request_id == "HDR-2"


# --- throttling and credential flags (issue 13) -------------------------------------------------------------------

THROTTLING = {
    "alibaba": [(400, "Throttling"), (400, "Throttling.User"), (429, "Throttling.Api"), (403, "RequestsTooFrequent"), (429, "HTTP429")],
    "volcengine": [(429, "FlowLimitExceeded"), (429, "AccountFlowLimitExceeded"), (429, "HTTP429")],
    "huawei": [(429, "APIG.0308"), (429, "APIGW.0308"), (429, "HTTP429")],
}
CREDENTIAL = {
    "alibaba": [(400, "SignatureDoesNotMatch"), (404, "InvalidAccessKeyId.NotFound"), (400, "InvalidAccessKeyId"),
                (403, "InvalidAccessKeyId.Inactive"), (403, "Forbidden"), (403, "Forbidden.RAM"), (403, "UserDisable"),
                (403, "OperationDenied"), (400, "InvalidTimeStamp.Expired"), (400, "IncompleteSignature"),
                (400, "InvalidSecurityToken.Expired"), (403, "NoPermission")],
    "volcengine": [(401, "SignatureDoesNotMatch"), (401, "InvalidAccessKey"), (401, "MissingAuthenticationToken"),
                   (400, "InvalidTimestamp"), (403, "AccessDenied"), (401, "InvalidCredential")],
    "huawei": [(401, "APIG.0301"), (401, "APIG.0303"), (401, "APIGW.0301"), (400, "RTC.00001001"), (401, "HTTP401")],
}
NEITHER = {
    "alibaba": [(404, "JobNotFound"), (404, "ResourceNotFound"), (400, "InvalidParameter"), (503, "ServiceUnavailable"),
                (500, "InternalError"), (400, "SignatureNonceUsed")],
    "volcengine": [(404, "ResourceNotFound"), (400, "InvalidParam"), (403, "RequestForbidden"), (200, "CommonErr"), (500, "InternalError")],
    "huawei": [(404, "RTC.00001003"), (500, "RTC.00002001"), (502, "APIG.0201")],
}
INTERPRET = {"alibaba": _alibaba.interpret, "volcengine": _volcengine.interpret, "huawei": _huawei.interpret}


def vendor_error_response(vendor, status, code):
    if vendor == "alibaba":
        body = {"RequestId": "R"} if code.startswith("HTTP") else {"RequestId": "R", "Code": code, "Message": "m"}
        return response(status, body)
    if vendor == "volcengine":
        metadata = {"RequestId": "R"} if code.startswith("HTTP") else {"RequestId": "R", "Error": {"Code": code, "Message": "m"}}
        return response(status, {"ResponseMetadata": metadata})
    return response(status, {} if code.startswith("HTTP") else {"error_code": code, "error_msg": "m"}, {"X-Request-Id": "R"})


def _flag_cases(table):
    return [(vendor, status, code) for vendor, cases in table.items() for status, code in cases]


@pytest.mark.parametrize("vendor, status, code", _flag_cases(THROTTLING))
def test_throttling_codes_are_throttled_and_retryable(vendor, status, code):
    error = error_of(INTERPRET[vendor], vendor_error_response(vendor, status, code))
    assert (error.code, error.throttled, error.retryable, error.credential) == (code, True, True, False)


@pytest.mark.parametrize("vendor, status, code", _flag_cases(CREDENTIAL))
def test_credential_codes_stop_the_account(vendor, status, code):
    error = error_of(INTERPRET[vendor], vendor_error_response(vendor, status, code))
    assert (error.code, error.credential, error.throttled, error.retryable) == (code, True, False, False)


@pytest.mark.parametrize("vendor, status, code", _flag_cases(NEITHER))
def test_other_codes_are_neither_throttling_nor_credential(vendor, status, code):
    error = error_of(INTERPRET[vendor], vendor_error_response(vendor, status, code))
    assert (error.code, error.throttled, error.credential) == (code, False, False)


def test_ice_requests_too_frequent_is_throttling_not_a_permission_error():
    """ICE's own dialect (IMS error table): RequestsTooFrequent comes with HTTP 403 and is throttling."""
    body = {"RequestId": "R", "Code": "RequestsTooFrequent", "Message": "Request was denied due to request throttling."}
    error = error_of(_alibaba.interpret, response(403, body))
    assert fields(error) == ("alibaba", "RequestsTooFrequent", "Request was denied due to request throttling.", 403, "R", True)
    assert error.throttled is True and error.credential is False


def test_alibaba_x_acs_retry_after_marks_throttling():
    error = error_of(_alibaba.interpret, response(400, {"RequestId": "R", "Code": "Flow.Control", "Message": "m"}, {"x-acs-retry-after": "2000"}))
    assert error.throttled is True


@pytest.mark.parametrize("module", [_volcengine, _huawei], ids=["volcengine", "huawei"])
def test_other_vendors_read_only_retry_after(module):
    """x-acs-retry-after is Alibaba's header: parse_retry_after lives with each vendor."""
    assert module.parse_retry_after({"retry-after": "4"}) == 4.0
    assert module.parse_retry_after({"x-acs-retry-after": "2000"}) is None
    assert module.parse_retry_after({"retry-after": "soon"}) is None
    assert _alibaba.parse_retry_after({"x-acs-retry-after": "2000"}) == 2.0
