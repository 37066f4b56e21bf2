"""Verifies Huawei SDK-HMAC-SHA256 (AK/SK) requests and X-Auth-Token requests."""

import hmac

from .auth_common import authorization_fields, body_sha256, check_clock, parse_utc, signed_header_values
from .credentials import CredentialBook
from .http_types import Request
from .rejection import Rejection
from .sig_huawei import ALGORITHM, huawei_signature

_TIME_FORMATS = ("%Y%m%dT%H%M%SZ",)


def verify_huawei(request: Request, book: CredentialBook) -> str:
    """The caller's account (rate-limit identity) when authentic; raises Rejection otherwise."""
    authorization = request.header("Authorization") or ""
    if authorization.startswith(ALGORITHM + " "):
        return _verify_aksk(request, authorization, book)
    token = request.header("X-Auth-Token")
    if token:
        if token not in book.huawei_auth_tokens:
            raise Rejection("bad_token")
        return book.huawei_auth_tokens[token]
    raise Rejection("missing_auth")


def _verify_aksk(request: Request, authorization: str, book: CredentialBook) -> str:
    fields = authorization_fields(authorization)
    credential = book.huawei.get(fields.get("Access", ""))
    if credential is None:
        raise Rejection("bad_access_key")
    sdk_date = request.header("X-Sdk-Date") or ""
    check_clock(parse_utc(sdk_date, _TIME_FORMATS), request.received_at)
    signed = signed_header_values(request, fields.get("SignedHeaders", ""))
    payload_sha256 = request.header("X-Sdk-Content-Sha256") or body_sha256(request)
    expected = huawei_signature(request.method, request.path, request.query_pairs(), signed, payload_sha256,
                                credential.secret, sdk_date)
    if not hmac.compare_digest(expected, fields.get("Signature", "")):
        raise Rejection("bad_signature")
    if request.header("X-Project-Id") != credential.project_id:
        raise Rejection("bad_project")
    if (credential.token or None) != (request.header("X-Security-Token") or None):
        raise Rejection("bad_token")
    return credential.account
