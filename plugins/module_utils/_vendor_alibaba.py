# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba Cloud (ICE and ApsaraVideo Live RPC calls): credentials, hosts, V3/V1 signing client, error codes and replies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ._descriptors import ApiCall, ListSpec, Vendor
from ._errors import ApiError, OptionError
from ._replies import CLOCK_HINT, RETRYABLE_HTTP, Reply, as_int, as_text, decode_object, not_json_error, retry_after_seconds
from ._signing import alibaba as signing
from ._transport import HttpRequest

NAME = "alibaba"
RETRYABLE_CODES = frozenset({"ServiceUnavailable", "InternalError", "UnknownError", "SignatureNonceUsed"})
# Throttling.* is the gateway's dialect; RequestsTooFrequent (HTTP 403) is ICE's own (IMS error table).
THROTTLING_CODES = frozenset({"RequestsTooFrequent"})
CLOCK_SKEW_CODES = frozenset({"InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "InvalidTimeStamp"})
# Wrong key, secret, token, clock or permission: the same on every request of the account, so traffic stops at once.
CREDENTIAL_CODES = frozenset({
    "InvalidAccessKeyId", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch",
    "IncompleteSignature", "MissingSecurityToken", "UserDisable", "NoPermission", "Forbidden", "Forbidden.RAM",
    "Forbidden.AccessKeyDisabled", "OperationDenied",
}) | CLOCK_SKEW_CODES
CREDENTIAL_PREFIXES = ("InvalidSecurityToken", "Forbidden.")
# Alibaba documents regional hosts for Singapore and Frankfurt even though its SDK map sends them to live.aliyuncs.com.
LIVE_REGIONAL_HOSTS = {
    "ap-southeast-1": "live.ap-southeast-1.aliyuncs.com",
    "eu-central-1": "live.eu-central-1.aliyuncs.com",
}
ENV_VARS = {
    "access_key": ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"),
    "secret_key": ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"),
    "security_token": ("ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"),
    "region": ("ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION"),
    # the name the vendor's CLI uses
    "endpoint": ("ALIBABA_CLOUD_ENDPOINT",),
}
OPTIONS = dict(signature_version=dict(type="str", default="v3", choices=["v3", "v1"]))


def default_host(service, region):
    if service == "live":
        return LIVE_REGIONAL_HOSTS.get(region or "", "live.aliyuncs.com")
    if not region:
        raise OptionError(
            "region", "Alibaba Cloud ICE needs a region (for example cn-shanghai) to pick its regional endpoint, or an explicit endpoint; "
            "also read from " + ", ".join(ENV_VARS["region"]))
    return f"ice.{region}.aliyuncs.com"


@dataclass
class AlibabaClient:
    """One vendor host; signs every attempt afresh so retries never reuse a nonce."""

    transport: Any
    credentials: Any
    base_url: str
    host: str
    clock: Callable
    nonce: Callable
    signature_version: str = "v3"

    def send(self, call):
        return self.transport.call(NAME, lambda: self.build_request(call), interpret)

    def build_request(self, call):
        creds = self.credentials
        params = {key: str(value) for key, value in call.params.items()}
        common = dict(action=call.action, version=call.version, access_key_id=creds.access_key, access_key_secret=creds.secret_key,
                      now=self.clock(), nonce=self.nonce(), security_token=creds.security_token)
        if self.signature_version == "v1":
            query = signing.sign_rpc_v1(call.method, params, **common)
            headers = {"Host": self.host, "Accept": "application/json"}
        else:
            query = params
            headers = signing.sign_acs3(call.method, self.host, "/", query, b"", extra_headers={"accept": "application/json"}, **common)
        return HttpRequest(call.method, f"{self.base_url}/?{signing.encode_query(query)}", headers)


def make_client(transport, credentials, base_url, host, clock, nonce, params):
    return AlibabaClient(transport, credentials, base_url, host, clock, nonce, params.get("signature_version") or "v3")


def interpret(response):
    """A Reply for a 2xx JSON object; otherwise the ApiError the body or status describes."""
    body = decode_object(response.body)
    retry_after = parse_retry_after(response.headers)
    header_request_id = response.header("x-acs-request-id")
    if body is None:
        raise not_json_error(NAME, response, header_request_id, retry_after)
    request_id = as_text(body.get("RequestId")) or header_request_id
    if 200 <= response.status < 300 and "Code" not in body:
        return Reply(body, request_id, response.status)
    # The SDK treats any reply carrying x-acs-retry-after as throttling; a plain Retry-After alone does not make a 404 retryable.
    throttled = response.header("x-acs-retry-after") is not None
    raise error_from_body(body, response.status, request_id, retry_after, throttled)


def parse_retry_after(headers):
    """Retry-After (seconds) or x-acs-retry-after (milliseconds, as the SDK reads it)."""
    return retry_after_seconds(headers, (("retry-after", 1.0), ("x-acs-retry-after", 0.001)))


def error_from_body(body, status, request_id, retry_after, throttled=False):
    code = as_text(body.get("Code")) or f"HTTP{status}"
    message = as_text(body.get("Message")) or "no message"
    if code in CLOCK_SKEW_CODES:
        message = f"{message} ({CLOCK_HINT})"
    throttled = throttled or code.startswith("Throttling") or code in THROTTLING_CODES or status == 429
    credential = not throttled and (code in CREDENTIAL_CODES or code.startswith(CREDENTIAL_PREFIXES))
    retryable = throttled or code in RETRYABLE_CODES or status in RETRYABLE_HTTP
    return ApiError(NAME, code, message, status, request_id, retryable=retryable, retry_after=retry_after,
                    throttled=throttled, credential=credential)


def list_items(key):
    """The List reply's array of jobs under key (the Live edge List wraps it: JobList: {Job: [...]})."""
    def items(body):
        value = body.get(key)
        if isinstance(value, dict):
            value = value.get("Job")
        return value if isinstance(value, list) else []
    return items


def list_total(body):
    return as_int(body.get("TotalCount"))


def rpc_list(method, action, version, items_key, read_item, **options):
    """The ListSpec of an Alibaba RPC List call: PageNo/PageSize (at most 100), TotalCount, the jobs under items_key."""
    return ListSpec(
        call=lambda params: ApiCall(method, action, version, params), page_param="PageNo", max_page_size=100,
        items=list_items(items_key), total=list_total, read_item=read_item, **options,
    )


def check_credentials(creds):
    creds.require_key_pair()


VENDOR = Vendor(NAME, "Alibaba Cloud", ENV_VARS, OPTIONS, default_host, make_client, check_credentials)

# What ICE's record and snapshot APIs share. ICE documents no rate limit for its Get calls: 50/s is well inside what
# Alibaba grants RPC APIs by default, and a lower account quota is found by the adaptive limiter (Throttling.* /
# RequestsTooFrequent). Not found: JobNotFound is the documented code, ResourceNotFound (404) ICE's own dialect (IMS
# error table).
ICE_SERVICE = dict(
    vendor=VENDOR, service="ice", endpoint_service="ice", default_rate_limit=50.0,
    not_found_codes=frozenset({"JobNotFound", "ResourceNotFound"}),
)
ICE_VERSION = "2020-11-09"


def ice_list(action, items_key, read_item, **options):
    """The ListSpec of an ICE List call: GET, filtered by Status; 10/s because ICE's List limits are undocumented too
    (a conservative choice, lowered further on throttling)."""
    return rpc_list("GET", action, ICE_VERSION, items_key, read_item, default_rate_limit=10.0, status_param="Status", **options)
