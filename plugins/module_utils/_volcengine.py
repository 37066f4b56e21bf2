# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Volcengine TOP-gateway calls: HMAC-SHA256 signed JSON POSTs and errors in ResponseMetadata.Error, even on HTTP 200."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ._client import HostClient
from ._errors import ApiError
from ._replies import CLOCK_HINT, RETRYABLE_HTTP, Reply, as_text, decode_object, not_json_error
from ._signing import volcengine as signing
from ._transport import HttpRequest, parse_retry_after

PROVIDER = "volcengine"
SIGNING_SERVICE = "live"
DEFAULT_REGION = "cn-north-1"
RETRYABLE_CODES = frozenset({
    "FlowLimitExceeded", "AccountFlowLimitExceeded", "CommonErr", "InternalError", "InternalServiceError",
    "InternalServiceError.BadResponse", "InternalServiceTimeout", "ServiceUnavailableTemp", "FailToConnect",
})


@dataclass
class VolcengineClient(HostClient):
    @property
    def region(self):
        return self.credentials.region or DEFAULT_REGION

    def call(self, action, version, payload):
        return self.transport.call(PROVIDER, lambda: self.build_request(action, version, payload), interpret)

    def build_request(self, action, version, payload):
        # The signature covers sha256(body): hash exactly the bytes that are sent.
        body = json.dumps(payload).encode("utf-8")
        query = {"Action": action, "Version": version}
        creds = self.credentials
        headers = signing.sign_volcengine(
            "POST", self.host, "/", query, body, access_key=creds.access_key, secret_key=creds.secret_key,
            region=self.region, service=SIGNING_SERVICE, now=self.clock(), session_token=creds.security_token,
            extra_headers={"Accept": "application/json"},
        )
        return HttpRequest("POST", f"{self.base_url}/?{signing.canonical_query(query)}", headers, body)


def interpret(response):
    body = decode_object(response.body)
    retry_after = parse_retry_after(response.headers)
    if body is None:
        raise not_json_error(PROVIDER, response, retry_after=retry_after)
    metadata = body.get("ResponseMetadata") if isinstance(body.get("ResponseMetadata"), dict) else {}
    request_id = as_text(metadata.get("RequestId"))
    error = metadata.get("Error")
    if 200 <= response.status < 300 and not error:
        return Reply(body, request_id, response.status)
    raise error_from_metadata(error if isinstance(error, dict) else {}, response.status, request_id, retry_after)


def error_from_metadata(error, status, request_id, retry_after):
    code = as_text(error.get("Code")) or f"HTTP{status}"
    message = as_text(error.get("Message")) or "no message"
    if code == "InvalidTimestamp":
        message = f"{message} ({CLOCK_HINT})"
    retryable = code in RETRYABLE_CODES or status in RETRYABLE_HTTP
    return ApiError(PROVIDER, code, message, status, request_id, retryable=retryable, retry_after=retry_after)
