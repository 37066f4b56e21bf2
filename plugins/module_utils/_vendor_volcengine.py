# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Volcengine Live (TOP gateway): credentials, host, HMAC-SHA256 signing client, errors in ResponseMetadata.Error."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from ._descriptors import Vendor
from ._errors import ApiError
from ._replies import CLOCK_HINT, RETRYABLE_HTTP, Reply, as_text, decode_object, not_json_error, retry_after_seconds
from ._signing import volcengine as signing
from ._transport import HttpRequest

NAME = "volcengine"
SIGNING_SERVICE = "live"
# Volcengine Live is signed for cn-north-1 only (the SDK refuses any other region for this service); VOLCENGINE_REGION,
# which other Volcengine products read (often cn-beijing), must not change it: only the task's `region` does.
DEFAULT_REGION = "cn-north-1"
HOST = "live.volcengineapi.com"
THROTTLING_CODES = frozenset({"FlowLimitExceeded", "AccountFlowLimitExceeded"})
RETRYABLE_CODES = frozenset({
    "CommonErr", "InternalError", "InternalServiceError", "InternalServiceError.BadResponse", "InternalServiceTimeout",
    "ServiceUnavailableTemp", "FailToConnect",
}) | THROTTLING_CODES
CREDENTIAL_CODES = frozenset({
    "MissingAuthenticationToken", "InvalidAccessKey", "SignatureDoesNotMatch", "InvalidTimestamp", "InvalidAuthorization",
    "InvalidCredential", "InvalidSecretToken", "AccessDenied", "Forbidden", "InvalidAuthentication",
})
ENV_VARS = {
    "access_key": ("VOLCENGINE_ACCESS_KEY", "VOLC_ACCESSKEY"),
    "secret_key": ("VOLCENGINE_SECRET_KEY", "VOLC_SECRETKEY"),
    "security_token": ("VOLCENGINE_SESSION_TOKEN",),
    # the name the vendor's CLI uses
    "endpoint": ("VOLCENGINE_ENDPOINT",),
}


def default_host(service, region):
    return HOST


@dataclass
class VolcengineClient:
    transport: Any
    credentials: Any
    base_url: str
    host: str
    clock: Callable
    region: str = DEFAULT_REGION

    def send(self, call):
        return self.transport.call(NAME, lambda: self.build_request(call), interpret)

    def build_request(self, call):
        # The signature covers sha256(body): hash exactly the bytes that are sent.
        body = json.dumps(call.params).encode("utf-8")
        query = {"Action": call.action, "Version": call.version}
        creds = self.credentials
        headers = signing.sign_volcengine(
            "POST", self.host, "/", query, body, access_key=creds.access_key, secret_key=creds.secret_key,
            region=self.region, service=SIGNING_SERVICE, now=self.clock(), session_token=creds.security_token,
            extra_headers={"Accept": "application/json"},
        )
        return HttpRequest("POST", f"{self.base_url}/?{signing.canonical_query(query)}", headers, body)


def make_client(transport, credentials, base_url, host, clock, nonce, params):
    return VolcengineClient(transport, credentials, base_url, host, clock, (params.get("region") or "").strip() or DEFAULT_REGION)


def interpret(response):
    body = decode_object(response.body)
    retry_after = parse_retry_after(response.headers)
    if body is None:
        raise not_json_error(NAME, response, retry_after=retry_after)
    metadata = body.get("ResponseMetadata") if isinstance(body.get("ResponseMetadata"), dict) else {}
    request_id = as_text(metadata.get("RequestId"))
    error = metadata.get("Error")
    if 200 <= response.status < 300 and not error:
        return Reply(body, request_id, response.status)
    raise error_from_metadata(error if isinstance(error, dict) else {}, response.status, request_id, retry_after)


def parse_retry_after(headers):
    return retry_after_seconds(headers, (("retry-after", 1.0),))


def error_from_metadata(error, status, request_id, retry_after):
    code = as_text(error.get("Code")) or f"HTTP{status}"
    message = as_text(error.get("Message")) or "no message"
    if code == "InvalidTimestamp":
        message = f"{message} ({CLOCK_HINT})"
    throttled = code in THROTTLING_CODES or status == 429
    credential = not throttled and code in CREDENTIAL_CODES
    retryable = code in RETRYABLE_CODES or status in RETRYABLE_HTTP
    return ApiError(NAME, code, message, status, request_id, retryable=retryable, retry_after=retry_after,
                    throttled=throttled, credential=credential)


def check_credentials(creds):
    creds.require_key_pair()


VENDOR = Vendor(NAME, "Volcengine", ENV_VARS, {}, default_host, make_client, check_credentials)
