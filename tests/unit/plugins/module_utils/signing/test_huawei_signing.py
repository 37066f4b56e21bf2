# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei SDK-HMAC-SHA256 signer: published/oracle vectors, byte-for-byte equality with huaweicloudsdkcore, robustness."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from urllib.parse import unquote

import pytest

hypothesis = pytest.importorskip("hypothesis")
pytest.importorskip("huaweicloudsdkcore.signer.signer")
pytest.importorskip("huaweicloudsdkcloudrtc.v2")

# pylint: disable=wrong-import-position
from hypothesis import given, settings, strategies as st  # noqa: E402

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import huawei  # noqa: E402

from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.signing import sdk_oracles as oracle  # noqa: E402

AK = "HWTESTAK0000000000EX"
SK = "HWTESTSKexampleSecretKey0000000000000000"
PROJECT = "0123456789abcdef0123456789abcdef"
TOKEN = "testSecurityToken"
APP = "5f5e172b9016ed5b0961a43"
JOB = "job-0001"
HOST = "rtc-api.myhuaweicloud.com"
NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)
SDK_DATE = "20240101T000000Z"
UA = "oracle-ua/1.0"
SDK_UA = "huaweicloud-usdk-python/3.0; " + UA
EXAMPLES = 1000

AWKWARD = st.text(alphabet=st.one_of(st.sampled_from(list(" *~/+=&:%?#.-_\t\u00a0é中😀")), st.characters(codec="utf-8")), max_size=24)
NONEMPTY = AWKWARD.filter(bool)
METHODS = st.sampled_from(["GET", "POST", "PUT", "DELETE", "get"])
NOWS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(timezone.utc))
RAW_SEGMENTS = st.one_of(AWKWARD, st.sampled_from(["%2F", "%2f", "%FF", "%E4%B8%AD", "%", "%%41", ".", "..", "a%20b", ""]))
RAW_PATHS = st.lists(RAW_SEGMENTS, max_size=5).map(lambda segments: "/" + "/".join(segments))
CORE_NAMES = {"host", "content-type", "x-sdk-date", "x-project-id", "x-security-token", "x-sdk-content-sha256", "authorization"}
EXTRA_NAMES = st.one_of(
    st.sampled_from(["User-Agent", "user-agent", "X-Custom", "x-custom", "X_Underscore", "Accept"]),
    st.text(alphabet="abXY-_0", min_size=1, max_size=8),
).filter(lambda name: name.lower() not in CORE_NAMES)


def job_path(app_id, job_id):
    return f"/v2/apps/{huawei.encode_path_segment(app_id)}/individual-stream-jobs/{huawei.encode_path_segment(job_id)}"


def sign(method="GET", path=None, query=None, body=b"", secret=SK, token=None, extra=None):
    return huawei.sign_huawei(method, HOST, job_path(APP, JOB) if path is None else path, query or {}, body, access_key=AK,
                              secret_key=secret, now=NOW, project_id=PROJECT, security_token=token, extra_headers=extra)


def signature_of(headers):
    return headers["Authorization"].rsplit("Signature=", 1)[1]


# ---------------------------------------------------------------- published and oracle vectors (vendor-apis.md 4.2)

def test_vendor_published_vector():
    headers = {"Content-Type": "application/json", "Host": "service.region.example.com", "X-Sdk-Date": "20191115T033655Z"}
    query = {"limit": "2", "marker": "13551d6b-755d-4757-b956-536f674975c0"}
    path = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
    canonical = huawei.canonical_request("GET", path, query, headers, huawei.EMPTY_SHA256)
    assert hashlib.sha256(canonical.encode()).hexdigest() == "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
    assert huawei.huawei_signature("GET", path, query, headers, huawei.EMPTY_SHA256, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
                                   "20191115T033655Z") == (
        "content-type;host;x-sdk-date", "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe")


def test_h2a_canonical_request_and_signature():
    headers = sign()
    signed = {name: value for name, value in headers.items() if name != "Authorization"}
    canonical = huawei.canonical_request("GET", job_path(APP, JOB), {}, signed, huawei.EMPTY_SHA256)
    assert canonical == "\n".join([
        "GET", f"/v2/apps/{APP}/individual-stream-jobs/{JOB}/", "", "content-type:application/json", f"host:{HOST}",
        f"x-project-id:{PROJECT}", f"x-sdk-date:{SDK_DATE}", "", "content-type;host;x-project-id;x-sdk-date", huawei.EMPTY_SHA256,
    ])
    assert hashlib.sha256(canonical.encode()).hexdigest() == "2b7c1c359ce8b07aca364a6726a658764a09ee1e4580bda41196de0729a4ab84"
    assert headers["Authorization"] == (f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
                                        "Signature=6486d9315564b4384454a010ce862915545f9f0406532946699e145d143ae3a4")


def test_h2b_security_token():
    assert sign(token=TOKEN)["Authorization"].endswith(
        "SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, "
        "Signature=49c5a8142f4049875a54e9eeaaa9c2a0c7ecf492f1c11a2197e63c05576df269")


@pytest.mark.parametrize("token, expected", [
    (None, "304b50355149e18452f6e507ddb116f0e13d783135b1fb35e579ad4f45e53f59"),  # H1a
    (TOKEN, "b9b4276253c63fd83a5a1843e5f949e567a71459773698dbaf85a21053108392"),  # H1b
])
def test_h1_sdk_header_set(token, expected):
    assert signature_of(sign(token=token, extra={"User-Agent": SDK_UA})) == expected


def test_h3_query():
    path = f"/v2/apps/{APP}/record-rules"
    assert signature_of(sign(path=path, query={"offset": "0", "limit": "10"})) == (
        "0d2da7e5c6ad2abb369178fb889efc27f799acacd34e7614a37e975109a575a2")


@pytest.mark.parametrize("path, expected", [
    ("/v2/apps/a/jobs/j", "/v2/apps/a/jobs/j/"),
    ("/v2/apps/a/jobs/a%2Fb", "/v2/apps/a/jobs/a/b/"),  # the SDK unquotes before splitting: %2F signs as a separator
    ("/v2/apps/a/jobs/a%20b%2A~", "/v2/apps/a/jobs/a%20b%2A~/"),
    ("/v2/apps/a/jobs/a%25b", "/v2/apps/a/jobs/a%25b/"),
    ("/v2/apps/a/jobs/%E4%B8%AD", "/v2/apps/a/jobs/%E4%B8%AD/"),
    ("/v2/apps/a/jobs/%2E%2E", "/v2/apps/a/jobs/../"),
    ("/", "/"),
    ("", "/"),
])
def test_canonical_uri(path, expected):
    assert huawei.canonical_uri(path) == expected


def test_encode_path_segment_keeps_ids_inside_one_segment():
    assert huawei.encode_path_segment("a/b") == "a%2Fb"
    assert huawei.encode_path_segment("../x") == "..%2Fx"
    assert huawei.encode_path_segment("..") == "%2E%2E" and huawei.encode_path_segment(".") == "%2E"
    assert huawei.encode_path_segment("a b~*中") == "a%20b~%2A%E4%B8%AD"


def test_non_json_content_type_is_unsigned_payload_like_the_sdk():
    headers = huawei.sign_huawei("POST", HOST, "/x", {}, b"data", access_key=AK, secret_key=SK, now=NOW, content_type="text/plain")
    assert headers["X-Sdk-Content-Sha256"] == huawei.UNSIGNED_PAYLOAD
    sdk = oracle.huawei_sign("POST", HOST, "/x", {}, {"Host": HOST, "Content-Type": "text/plain", "X-Sdk-Date": SDK_DATE}, b"data",
                             ak=AK, sk=SK)
    assert sdk.header_params["Authorization"] == headers["Authorization"]


def test_extra_headers_cannot_replace_signed_core_headers():
    headers = sign(extra={"x-sdk-date": "1999", "HOST": "evil", "authorization": "x", "x-sdk-content-sha256": "0" * 64})
    assert set(headers) == {"Host", "Content-Type", "X-Sdk-Date", "X-Project-Id", "Authorization"}


@pytest.mark.parametrize("change", ["secret", "method", "body", "job"])
def test_tampering_changes_the_signature(change):
    tampered = {"secret": {"secret": SK[:-1] + "1"}, "method": {"method": "DELETE"}, "body": {"body": b"{}"},
                "job": {"path": job_path(APP, "job-0002")}}
    assert signature_of(sign(**tampered[change])) != signature_of(sign())


# ---------------------------------------------------------------- property tests against the SDK

def sdk_headers(host, content_type, sdk_date, extra):
    return {"Host": host, **({"Content-Type": content_type} if content_type else {}), "X-Sdk-Date": sdk_date, **extra}


@settings(max_examples=EXAMPLES, deadline=None)
@given(method=METHODS, host=AWKWARD, path=st.one_of(RAW_PATHS, st.tuples(AWKWARD, AWKWARD).map(lambda ids: job_path(*ids))),
       query=st.dictionaries(AWKWARD, AWKWARD, max_size=5), body=st.binary(max_size=64), ak=NONEMPTY, secret=NONEMPTY, now=NOWS,
       project=st.one_of(st.none(), AWKWARD), token=st.one_of(st.none(), AWKWARD),
       content_type=st.sampled_from(["application/json", "application/json; charset=utf-8", "", "text/plain", "application/bson"]),
       extra=st.dictionaries(EXTRA_NAMES, AWKWARD, max_size=4))
def _matches_sdk(method, host, path, query, body, ak, secret, now, project, token, content_type, extra):
    ours = huawei.sign_huawei(method, host, path, query, body, access_key=ak, secret_key=secret, now=now, project_id=project,
                              security_token=token, content_type=content_type, extra_headers=extra)
    sdk = oracle.huawei_sign(method, host, path, query, sdk_headers(host, content_type, ours["X-Sdk-Date"], extra), body,
                             ak=ak, sk=secret, project_id=project, token=token)
    assert ours["Authorization"] == sdk.header_params["Authorization"]
    assert set(ours) == set(sdk.header_params)


def test_matches_sdk():
    before = oracle.CALLS["huawei"]
    _matches_sdk()  # pylint: disable=no-value-for-parameter
    executed = oracle.CALLS["huawei"] - before
    print(f"huawei SDK comparisons: {executed}")
    assert executed >= EXAMPLES


@settings(max_examples=300, deadline=None)
@given(value=st.text())
def test_encoded_segment_decodes_back_and_has_no_separator(value):
    encoded = huawei.encode_path_segment(value)
    assert "/" not in encoded and encoded not in (".", "..")
    assert unquote(encoded, errors="surrogatepass") == value


# ---------------------------------------------------------------- full SDK client path (CloudRTCClient.show_individual_stream_job)

def full_path(app_id, job_id, token):
    return oracle.huawei_show_individual_stream_job(app_id, job_id, ak=AK, sk=SK, project_id=PROJECT, token=token, sdk_date=SDK_DATE,
                                                    user_agent=UA)


def ours_for(app_id, job_id, token):
    return sign(path=job_path(app_id, job_id), token=token, extra={"User-Agent": SDK_UA})


@pytest.mark.parametrize("token", [None, TOKEN])
@pytest.mark.parametrize("job_id", [JOB, "job id/with:odd&chars+%~*=中", "a/b"])
def test_full_sdk_path(job_id, token):
    sent = full_path(APP, job_id, token)
    ours = ours_for(APP, job_id, token)
    assert sent.method == "GET" and sent.resource_path == job_path(APP, job_id) and not sent.body
    assert sent.header_params == ours


def test_full_sdk_path_matches_published_h1():
    assert signature_of(full_path(APP, JOB, None).header_params) == "304b50355149e18452f6e507ddb116f0e13d783135b1fb35e579ad4f45e53f59"
    assert signature_of(full_path(APP, JOB, TOKEN).header_params) == "b9b4276253c63fd83a5a1843e5f949e567a71459773698dbaf85a21053108392"


@settings(max_examples=100, deadline=None)
@given(app_id=AWKWARD, job_id=st.one_of(AWKWARD, st.sampled_from([".", "..", "a/b", "%2F"])), token=st.one_of(st.none(), NONEMPTY))
def test_full_sdk_path_random_ids(app_id, job_id, token):
    sent = full_path(app_id, job_id, token)
    ours = ours_for(app_id, job_id, token)
    # same signature; only "." / ".." differ on the wire (the SDK sends them raw, we escape them)
    assert signature_of(sent.header_params) == signature_of(ours)
    if {app_id, job_id}.isdisjoint({".", ".."}):
        assert sent.resource_path == job_path(app_id, job_id)


# ---------------------------------------------------------------- never raises

@settings(max_examples=300, deadline=None)
@given(method=st.text(), host=st.text(), path=st.text(), key=st.text(), value=st.text(), body=st.binary(), ak=st.text(),
       secret=st.text(), project=st.one_of(st.none(), st.text()), token=st.one_of(st.none(), st.text()), content_type=st.text(),
       surrogate=st.characters(categories=["Cs"]), extra=st.dictionaries(st.text(), st.text(), max_size=3))
def test_signing_never_raises_on_any_text(method, host, path, key, value, body, ak, secret, project, token, content_type, surrogate,
                                          extra):
    for suffix in ("", surrogate):
        wire_path = path + suffix + "/" + huawei.encode_path_segment(value + suffix)
        headers = huawei.sign_huawei(method, host + suffix, wire_path, {key + suffix: value}, body, access_key=ak,
                                     secret_key=secret + suffix, now=NOW, project_id=project, security_token=token,
                                     content_type=content_type, extra_headers=extra)
        assert headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=")
        assert huawei.canonical_uri(path + suffix).endswith("/")
