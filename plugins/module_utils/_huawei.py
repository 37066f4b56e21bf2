# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud REST calls: SDK-HMAC-SHA256 signing or X-Auth-Token, {error_code, error_msg} errors, X-Request-Id."""

from __future__ import annotations

from dataclasses import dataclass

from ._client import HostClient
from ._errors import ApiError
from ._replies import CLOCK_HINT, RETRYABLE_HTTP, Reply, as_text, decode_object, not_json_error
from ._signing import huawei as signing
from ._transport import HttpRequest, parse_retry_after

PROVIDER = "huawei"
RETRYABLE_CODES = frozenset({"APIG.0308", "APIGW.0308"})
ERROR_KEYS = (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message"))


@dataclass
class HuaweiClient(HostClient):
    def get(self, segments):
        # quote(safe="") per segment: an id such as "../x" or "a/b" can never change the path.
        path = "/" + "/".join(signing.encode_path_segment(str(segment)) for segment in segments)
        return self.transport.call(PROVIDER, lambda: self.build_request("GET", path), interpret)

    def build_request(self, method, path):
        creds = self.credentials
        if creds.auth_token:
            headers = {"Host": self.host, "Content-Type": "application/json", "X-Auth-Token": creds.auth_token}
        else:
            headers = signing.sign_huawei(
                method, self.host, path, {}, b"", access_key=creds.access_key, secret_key=creds.secret_key,
                now=self.clock(), project_id=creds.project_id, security_token=creds.security_token,
            )
        return HttpRequest(method, f"{self.base_url}{path}", headers)


def interpret(response):
    request_id = response.header("x-request-id")
    body = decode_object(response.body)
    retry_after = parse_retry_after(response.headers)
    if body is None:
        raise not_json_error(PROVIDER, response, request_id, retry_after)
    if 200 <= response.status < 300:
        return Reply(body, request_id, response.status)
    raise error_from_body(body, response.status, request_id, retry_after)


def error_from_body(body, status, request_id, retry_after):
    code, message = next(((body[c], body.get(m)) for c, m in ERROR_KEYS if body.get(c)), (None, None))
    code = as_text(code) or f"HTTP{status}"
    message = as_text(message) or "no message"
    if "expired" in message.lower() or "x-sdk-date" in message.lower():
        message = f"{message} ({CLOCK_HINT})"
    retryable = code in RETRYABLE_CODES or code.startswith("RTC.00002") or status in RETRYABLE_HTTP
    return ApiError(PROVIDER, code, message, status, request_id, retryable=retryable, retry_after=retry_after)
