# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Volcengine HMAC-SHA256 signer: worked vectors, byte-for-byte equality with volc-sdk-python SignerV4, robustness."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlsplit

import pytest

hypothesis = pytest.importorskip("hypothesis")
pytest.importorskip("volcengine.auth.SignerV4")
pytest.importorskip("volcengine.live.v20230101.live_service")

# pylint: disable=wrong-import-position
from hypothesis import given, settings, strategies as st  # noqa: E402

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import volcengine  # noqa: E402

from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.signing import sdk_oracles as oracle  # noqa: E402

AK = "AKLTtestAccessKey"
SK = "dGVzdFNlY3JldEtleQ=="
TOKEN = "STS2testSessionToken"
NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)
X_DATE = "20240101T000000Z"
HOST = "live.volcengineapi.com"
TASK = "5b903f78c7f5ae01f6fe2eea"
QUERY = {"Action": "GetPullRecordTask", "Version": "2023-01-01"}
BODY = json.dumps({"TaskID": TASK}).encode()
BODY_SHA256 = "cb578175c9013e5b0c2ba97b3b030cb96c52573c4aeee2c6d6c011d6e5c89a28"
SDK_UNSIGNED_HEADERS = {"Accept": "application/json", "User-Agent": "volc-sdk-python/v1.0.229"}
EXAMPLES = 1000

AWKWARD = st.text(alphabet=st.one_of(st.sampled_from(list(" *~/+=&:%?#.-_\t\u00a0é中😀")), st.characters(codec="utf-8")), max_size=24)
METHODS = st.sampled_from(["GET", "POST", "PUT", "DELETE"])
NOWS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(timezone.utc))
HOSTS = st.one_of(st.sampled_from([HOST, HOST + ":443", HOST + ":80", HOST + ":8443", "a:443:b", "[::1]:443"]), AWKWARD)
CORE_NAMES = {"host", "content-type", "x-date", "x-content-sha256", "x-security-token", "authorization"}
EXTRA_NAMES = st.one_of(
    st.sampled_from(["Accept", "User-Agent", "Content-Md5", "content-md5", "X-Custom", "x-custom", "X-custom", "X-Top-Region"]),
    st.text(alphabet="abXY-_0", min_size=1, max_size=8).map(lambda name: "X-" + name),
    st.text(alphabet="abXY-_0", min_size=1, max_size=8),
).filter(lambda name: name.lower() not in CORE_NAMES)


def sign(method="POST", query=None, body=BODY, secret=SK, token=None, extra=None):
    return volcengine.sign_volcengine(method, HOST, "/", QUERY if query is None else query, body, access_key=AK, secret_key=secret,
                                      region="cn-north-1", service="live", now=NOW, session_token=token, extra_headers=extra)


def signature_of(headers):
    return headers["Authorization"].rsplit("Signature=", 1)[1]


# ---------------------------------------------------------------- worked vectors (vendor-apis.md 3.2)

SIGNED_HEADERS = {"Content-Type": "application/json", "Host": HOST, "X-Content-Sha256": BODY_SHA256, "X-Date": X_DATE}


def test_worked_vector_canonical_request():
    canonical = volcengine.canonical_request("POST", "/", QUERY, SIGNED_HEADERS, BODY_SHA256)
    assert canonical == "\n".join([
        "POST", "/", "Action=GetPullRecordTask&Version=2023-01-01",
        "content-type:application/json", f"host:{HOST}", f"x-content-sha256:{BODY_SHA256}", f"x-date:{X_DATE}", "",
        "content-type;host;x-content-sha256;x-date", BODY_SHA256,
    ])
    assert hashlib.sha256(canonical.encode()).hexdigest() == "7e628e1f1c323e76fcc894ab5f96303303747e857154e62349662e2b9c6b472e"
    assert volcengine.volc_signature("POST", "/", QUERY, SIGNED_HEADERS, BODY_SHA256, SK, X_DATE, "cn-north-1", "live") == (
        "content-type;host;x-content-sha256;x-date", "34741c459921f3a334a9d3dd26a1d98a376ed98e05f8a61d964efce3540ff7de")


def test_worked_vector():
    headers = sign()
    assert hashlib.sha256(BODY).hexdigest() == BODY_SHA256
    assert headers == {
        "Host": HOST, "Content-Type": "application/json", "X-Date": X_DATE, "X-Content-Sha256": BODY_SHA256,
        "Authorization": f"HMAC-SHA256 Credential={AK}/20240101/cn-north-1/live/request, "
                         "SignedHeaders=content-type;host;x-content-sha256;x-date, "
                         "Signature=34741c459921f3a334a9d3dd26a1d98a376ed98e05f8a61d964efce3540ff7de",
    }


def test_worked_vector_with_session_token():
    headers = sign(token="STS2testSessionToken")
    assert headers["X-Security-Token"] == "STS2testSessionToken"
    assert headers["Authorization"].endswith(
        "SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token, "
        "Signature=0c40f0e3040f040f9b4734231a6f2e01cd0521720445651a5bdc116f55027105")


def test_unsigned_extra_headers_are_sent_but_not_signed():
    headers = sign(extra=SDK_UNSIGNED_HEADERS)
    assert headers["Accept"] == "application/json"
    assert signature_of(headers) == "34741c459921f3a334a9d3dd26a1d98a376ed98e05f8a61d964efce3540ff7de"


def test_header_name_case_decides_signing_like_the_sdk():
    # the SDK test is case-sensitive: "X-Custom" is signed, "x-custom" is sent unsigned
    assert "x-custom" in sign(extra={"X-Custom": "1"})["Authorization"]
    assert "x-custom" not in sign(extra={"x-custom": "1"})["Authorization"]


def test_default_port_is_not_signed():
    plain = volcengine.sign_volcengine("POST", HOST, "/", QUERY, BODY, access_key=AK, secret_key=SK, region="cn-north-1",
                                       service="live", now=NOW)
    with_port = volcengine.sign_volcengine("POST", HOST + ":443", "/", QUERY, BODY, access_key=AK, secret_key=SK,
                                           region="cn-north-1", service="live", now=NOW)
    assert signature_of(plain) == signature_of(with_port) and with_port["Host"] == HOST + ":443"


def test_extra_headers_cannot_replace_signed_core_headers():
    headers = sign(extra={"x-date": "1999", "HOST": "evil", "authorization": "x"})
    assert headers["X-Date"] == X_DATE and "x-date" not in headers and "HOST" not in headers and "authorization" not in headers


@pytest.mark.parametrize("change", ["secret", "method", "body"])
def test_tampering_changes_the_signature(change):
    tampered = {"secret": {"secret": SK[:-1] + "A"}, "method": {"method": "PUT"}, "body": {"body": BODY.replace(b"5", b"6", 1)}}
    assert signature_of(sign(**tampered[change])) != signature_of(sign())


# ---------------------------------------------------------------- property tests against the SDK

def sdk_input_headers(host, content_type, extra):
    return {"Host": host, **({"Content-Type": content_type} if content_type else {}), **extra}


@settings(max_examples=EXAMPLES, deadline=None)
@given(method=METHODS, host=HOSTS, path=st.one_of(st.just("/"), st.just(""), AWKWARD), query=st.dictionaries(AWKWARD, AWKWARD, max_size=5),
       body=st.binary(max_size=64), ak=AWKWARD, secret=AWKWARD, region=AWKWARD, service=AWKWARD, now=NOWS,
       token=st.one_of(st.none(), AWKWARD), content_type=st.sampled_from(["application/json", "", "text/plain; charset=utf-8"]),
       extra=st.dictionaries(EXTRA_NAMES, AWKWARD, max_size=4))
def _matches_sdk(method, host, path, query, body, ak, secret, region, service, now, token, content_type, extra):
    ours = volcengine.sign_volcengine(method, host, path, query, body, access_key=ak, secret_key=secret, region=region,
                                      service=service, now=now, session_token=token, content_type=content_type, extra_headers=extra)
    sdk = oracle.volc_sign(method, host, path, query, sdk_input_headers(host, content_type, extra), body, ak=ak, sk=secret,
                           region=region, service=service, token=token, x_date=now.strftime("%Y%m%dT%H%M%SZ"))
    assert ours == dict(sdk)


def test_matches_sdk():
    before = oracle.CALLS["volcengine"]
    _matches_sdk()  # pylint: disable=no-value-for-parameter
    executed = oracle.CALLS["volcengine"] - before
    print(f"volcengine SDK comparisons: {executed}")
    assert executed >= EXAMPLES


@settings(max_examples=300, deadline=None)
@given(query=st.dictionaries(AWKWARD, AWKWARD, max_size=5))
def test_wire_query_decodes_to_the_signed_query(query):
    assert dict(parse_qsl(volcengine.canonical_query(query), keep_blank_values=True)) == query


# ---------------------------------------------------------------- full SDK client path (LiveService.get_pull_record_task)

def full_path(task_id, token):
    return oracle.volc_get_pull_record_task(task_id, ak=AK, sk=SK, token=token, x_date=X_DATE)


def ours_for(task_id, token, body):
    return volcengine.sign_volcengine("POST", HOST, "/", QUERY, body, access_key=AK, secret_key=SK, region="cn-north-1",
                                      service="live", now=NOW, session_token=token, extra_headers=SDK_UNSIGNED_HEADERS)


@pytest.mark.parametrize("token", [None, TOKEN])
@pytest.mark.parametrize("task_id", [TASK, "task id/with:odd&chars+%~*=中"])
def test_full_sdk_path(task_id, token):
    url, headers, body = full_path(task_id, token)
    assert body.encode() == json.dumps({"TaskID": task_id}).encode()
    assert dict(parse_qsl(urlsplit(url).query)) == QUERY and urlsplit(url).path == "/"
    assert headers == ours_for(task_id, token, body.encode())


def test_full_sdk_path_matches_published_vector():
    _url, headers, _body = full_path(TASK, TOKEN)
    assert signature_of(headers) == "0c40f0e3040f040f9b4734231a6f2e01cd0521720445651a5bdc116f55027105"


@settings(max_examples=100, deadline=None)
@given(task_id=AWKWARD, token=st.one_of(st.none(), AWKWARD))
def test_full_sdk_path_random_ids(task_id, token):
    _url, headers, body = full_path(task_id, token)
    assert headers == ours_for(task_id, token, body.encode())


# ---------------------------------------------------------------- never raises

@settings(max_examples=300, deadline=None)
@given(method=st.text(), host=st.text(), path=st.text(), key=st.text(), value=st.text(), body=st.binary(), ak=st.text(),
       secret=st.text(), region=st.text(), service=st.text(), token=st.one_of(st.none(), st.text()), content_type=st.text(),
       surrogate=st.characters(categories=["Cs"]), extra=st.dictionaries(st.text(), st.text(), max_size=3))
def test_signing_never_raises_on_any_text(method, host, path, key, value, body, ak, secret, region, service, token, content_type,
                                          surrogate, extra):
    for suffix in ("", surrogate):
        headers = volcengine.sign_volcengine(method, host + suffix, path + suffix, {key: value + suffix}, body, access_key=ak,
                                             secret_key=secret + suffix, region=region + suffix, service=service, now=NOW,
                                             session_token=token, content_type=content_type, extra_headers=extra)
        assert headers["Authorization"].startswith("HMAC-SHA256 Credential=")
        assert isinstance(volcengine.canonical_query({key + suffix: value}), str)
