# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud RPC-style calls (ICE and ApsaraVideo Live): signed V3 or V1 requests and the {Code, Message} error shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ._client import HostClient
from ._errors import ApiError
from ._replies import CLOCK_HINT, RETRYABLE_HTTP, Reply, as_text, decode_object, not_json_error
from ._signing import alibaba as signing
from ._transport import HttpRequest, parse_retry_after

PROVIDER = "alibaba"
RETRYABLE_CODES = frozenset({"ServiceUnavailable", "InternalError", "UnknownError", "SignatureNonceUsed"})
CLOCK_SKEW_CODES = frozenset({"InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "InvalidTimeStamp"})


@dataclass
class AlibabaRpcClient(HostClient):
    """One vendor host; signs every attempt afresh so retries never reuse a nonce."""

    signature_version: str
    nonce: Callable

    def call(self, action, version, method, params):
        return self.transport.call(PROVIDER, lambda: self.build_request(action, version, method, params), interpret)

    def build_request(self, action, version, method, params):
        creds = self.credentials
        if self.signature_version == "v1":
            query = signing.sign_rpc_v1(
                method, params, action=action, version=version, access_key_id=creds.access_key,
                access_key_secret=creds.secret_key, now=self.clock(), nonce=self.nonce(), security_token=creds.security_token,
            )
            headers = {"Host": self.host, "Accept": "application/json"}
        else:
            query = dict(params)
            headers = signing.sign_acs3(
                method, self.host, "/", query, b"", action=action, version=version, access_key_id=creds.access_key,
                access_key_secret=creds.secret_key, now=self.clock(), nonce=self.nonce(), security_token=creds.security_token,
                extra_headers={"accept": "application/json"},
            )
        return HttpRequest(method, f"{self.base_url}/?{signing.encode_query(query)}", headers)


def interpret(response):
    """A Reply for a 2xx JSON object; otherwise the ApiError the body or status describes."""
    body = decode_object(response.body)
    retry_after = parse_retry_after(response.headers)
    header_request_id = response.header("x-acs-request-id")
    if body is None:
        raise not_json_error(PROVIDER, response, header_request_id, retry_after)
    request_id = as_text(body.get("RequestId")) or header_request_id
    if 200 <= response.status < 300 and "Code" not in body:
        return Reply(body, request_id, response.status)
    # The SDK treats any reply carrying x-acs-retry-after as throttling; a plain Retry-After alone does not make a 404 retryable.
    throttled = response.header("x-acs-retry-after") is not None
    raise error_from_body(body, response.status, request_id, retry_after, throttled)


def error_from_body(body, status, request_id, retry_after, throttled=False):
    code = as_text(body.get("Code")) or f"HTTP{status}"
    message = as_text(body.get("Message")) or "no message"
    if code in CLOCK_SKEW_CODES:
        message = f"{message} ({CLOCK_HINT})"
    retryable = throttled or code.startswith("Throttling") or code in RETRYABLE_CODES or status in RETRYABLE_HTTP
    return ApiError(PROVIDER, code, message, status, request_id, retryable=retryable, retry_after=retry_after)
