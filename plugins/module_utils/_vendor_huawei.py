# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud (SparkRTC REST): credentials, host, SDK-HMAC-SHA256 or X-Auth-Token client, {error_code, error_msg}."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ._descriptors import Vendor
from ._errors import ApiError, OptionError
from ._replies import CLOCK_HINT, RETRYABLE_HTTP, Reply, as_text, decode_object, not_json_error, retry_after_seconds
from ._signing import huawei as signing
from ._transport import HttpRequest

NAME = "huawei"
HOST = "rtc-api.myhuaweicloud.com"
THROTTLING_CODES = frozenset({"APIG.0308", "APIGW.0308"})
# APIG.0301-0305: IAM/app authentication failed (bad AK/SK signature, token, expired request); RTC.00001001: no domain for the token.
CREDENTIAL_CODES = frozenset({
    "APIG.0301", "APIG.0302", "APIG.0303", "APIG.0304", "APIG.0305",
    "APIGW.0301", "APIGW.0302", "APIGW.0303", "APIGW.0304", "APIGW.0305", "RTC.00001001",
})
ERROR_KEYS = (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message"))
ENV_VARS = {
    "access_key": ("HUAWEICLOUD_SDK_AK",),
    "secret_key": ("HUAWEICLOUD_SDK_SK",),
    "security_token": ("HUAWEICLOUD_SDK_SECURITY_TOKEN",),
    "project_id": ("HUAWEICLOUD_SDK_PROJECT_ID",),
    # Huawei Cloud defines no such variable: this collection's own name, kept out of the SDK's HUAWEICLOUD_SDK_* namespace
    "endpoint": ("HUAWEICLOUD_ENDPOINT",),
}
OPTIONS = dict(
    app_id=dict(type="str"),
    project_id=dict(type="str"),
    auth_token=dict(type="str", no_log=True),
)


def default_host(service, region):
    return HOST


@dataclass
class HuaweiClient:
    transport: Any
    credentials: Any
    base_url: str
    host: str
    clock: Callable

    def send(self, call):
        # quote(safe="") per segment: an id such as "../x" or "a/b" can never change the path.
        path = "/" + "/".join(signing.encode_path_segment(str(segment)) for segment in call.path)
        return self.transport.call(NAME, lambda: self.build_request(call.method, path), interpret)

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


def make_client(transport, credentials, base_url, host, clock, nonce, params):
    return HuaweiClient(transport, credentials, base_url, host, clock)


def interpret(response):
    request_id = response.header("x-request-id")
    body = decode_object(response.body)
    retry_after = parse_retry_after(response.headers)
    if body is None:
        raise not_json_error(NAME, response, request_id, retry_after)
    if 200 <= response.status < 300:
        return Reply(body, request_id, response.status)
    raise error_from_body(body, response.status, request_id, retry_after)


def parse_retry_after(headers):
    return retry_after_seconds(headers, (("retry-after", 1.0),))


def error_from_body(body, status, request_id, retry_after):
    code, message = next(((body[c], body.get(m)) for c, m in ERROR_KEYS if body.get(c)), (None, None))
    code = as_text(code) or f"HTTP{status}"
    message = as_text(message) or "no message"
    if "expired" in message.lower() or "x-sdk-date" in message.lower():
        message = f"{message} ({CLOCK_HINT})"
    throttled = code in THROTTLING_CODES or status == 429
    credential = not throttled and (code in CREDENTIAL_CODES or status == 401)
    retryable = throttled or code.startswith("RTC.00002") or status in RETRYABLE_HTTP
    return ApiError(NAME, code, message, status, request_id, retryable=retryable, retry_after=retry_after,
                    throttled=throttled, credential=credential)


def check_credentials(creds):
    if creds.auth_token:
        return
    creds.require_key_pair(hint=" (or auth_token for token authentication)")
    if not creds.project_id:
        raise OptionError("project_id", f"Huawei Cloud AK/SK signing needs a project id; looked at {creds.sources('project_id')}")


VENDOR = Vendor(NAME, "Huawei Cloud", ENV_VARS, OPTIONS, default_host, make_client, check_credentials)
