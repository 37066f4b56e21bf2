# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Alibaba V1/V3 signer: vendor vectors, byte-for-byte equality with the tea-openapi SDK, robustness."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl

import pytest

hypothesis = pytest.importorskip("hypothesis")
pytest.importorskip("alibabacloud_tea_openapi.utils")
pytest.importorskip("alibabacloud_ice20201109.client")
pytest.importorskip("alibabacloud_live20161101.client")

# pylint: disable=wrong-import-position
from hypothesis import given, settings, strategies as st  # noqa: E402
from alibabacloud_ice20201109 import client as ice_client, models as ice_models  # noqa: E402
from alibabacloud_live20161101 import client as live_client, models as live_models  # noqa: E402

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import alibaba  # noqa: E402

from ansible_collections.mediaops.live_jobs.tests.unit.plugins.module_utils.signing import sdk_oracles as oracle  # noqa: E402

AK = "testAccessKeyId"
SK = "testAccessKeySecret"
TOKEN = "testSecurityToken"
NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)
TIMESTAMP = "2024-01-01T00:00:00Z"
NONCE = "c9a1f0e2d3b4a5968778695a4b3c2d1e"
UA = "oracle-ua/1.0"
JOB = "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66"
ICE_HOST = "ice.cn-shanghai.aliyuncs.com"
EDGE_PARAMS = {"ClusterId": "cluster-0001", "JobId": "job-0001", "RegionId": "cn-shanghai"}
CREDS = {"access_key_id": AK, "access_key_secret": SK, "now": NOW, "nonce": NONCE}
EXAMPLES = 1000

# ids and values that stress every encoding rule: reserved chars, '%', unicode, whitespace
AWKWARD = st.text(alphabet=st.one_of(st.sampled_from(list(" *~/+=&:%?#.-_\t\u00a0é中😀")), st.characters(codec="utf-8")), max_size=24)
ANY_TEXT = st.text(max_size=24)
METHODS = st.sampled_from(["GET", "POST", "PUT", "DELETE"])
NOWS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(timezone.utc))
HEADER_NAMES = st.one_of(
    st.sampled_from(["accept", "user-agent", "x-acs-credentials-provider", "Content-Type", "X-Acs-Custom", "x-acs-custom"]),
    st.text(alphabet="abcXYZ019-_", min_size=1, max_size=10),
)


def sdk_header_set(provider):
    return {"accept": "application/json", "user-agent": UA, "x-acs-credentials-provider": provider}


def rpc(method, params, action, version="2020-11-09", **kwargs):
    return alibaba.sign_rpc_v1(method, params, action=action, version=version, response_format="json", **CREDS, **kwargs)


def acs3(method, host, query, action, version="2020-11-09", **kwargs):
    return alibaba.sign_acs3(method, host, "/", query, b"", action=action, version=version, **CREDS, **kwargs)


def acs3_hex(headers):
    return headers["Authorization"].rsplit("Signature=", 1)[1]


# ---------------------------------------------------------------- published and oracle vectors

def test_empty_sha256():
    assert alibaba.EMPTY_SHA256 == hashlib.sha256(b"").hexdigest()


def test_percent_encode_is_rfc3986():
    assert alibaba.percent_encode("a b*~/:+=&%é") == "a%20b%2A~%2F%3A%2B%3D%26%25%C3%A9"


def test_v1_canonical_query_and_string_to_sign_match_the_doc():
    params = rpc("GET", {"JobId": JOB}, "GetLiveRecordJob")
    del params["Signature"]
    canonical = alibaba.encode_query(params)
    assert canonical == ("AccessKeyId=testAccessKeyId&Action=GetLiveRecordJob&Format=json&JobId=ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66"
                         "&SignatureMethod=HMAC-SHA1&SignatureNonce=c9a1f0e2d3b4a5968778695a4b3c2d1e&SignatureVersion=1.0"
                         "&Timestamp=2024-01-01T00%3A00%3A00Z&Version=2020-11-09")
    assert "GET&%2F&" + alibaba.percent_encode(canonical) == (
        "GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetLiveRecordJob%26Format%3Djson%26JobId%3Dab0e3e76-1e9d-11ed-ba64-0c42a1b73d66"
        "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dc9a1f0e2d3b4a5968778695a4b3c2d1e%26SignatureVersion%3D1.0"
        "%26Timestamp%3D2024-01-01T00%253A00%253A00Z%26Version%3D2020-11-09")


def test_a0_method_is_signed():
    params = rpc("GET", {"JobId": JOB}, "GetLiveRecordJob")
    assert alibaba.rpc_v1_signature("GET", params, SK) == "Kx0POAiH7d0qNXW+TSrDgsRBW9Y="
    assert alibaba.rpc_v1_signature("POST", params, SK) == "LBO/uBu8ChVYzxfOfYeJ1ZO+p2I="


@pytest.mark.parametrize("vector_id, method, params, action, version, token, expected", [
    ("A1", "GET", {"JobId": JOB}, "GetLiveRecordJob", "2020-11-09", None, "Kx0POAiH7d0qNXW+TSrDgsRBW9Y="),
    ("A2", "GET", {"JobId": JOB}, "GetLiveRecordJob", "2020-11-09", TOKEN, "cooXI2MHTbEAXkxMCUoj6LLkHq4="),
    ("A3", "GET", {"JobId": JOB}, "GetLiveSnapshotJob", "2020-11-09", None, "fygqhWV3k3Ey3yRBROqsnJRFsSM="),
    ("A4", "POST", EDGE_PARAMS, "GetEdgeTranscodeJob", "2016-11-01", None, "VaRQ9oh2lPez3YMC+/HUHTZLxGA="),
])
def test_v1_oracle_vectors(vector_id, method, params, action, version, token, expected):
    signed = rpc(method, params, action, version, security_token=token)
    assert signed["Signature"] == expected, vector_id
    assert signed["Timestamp"] == TIMESTAMP and signed["SignatureNonce"] == NONCE
    assert ("SecurityToken" in signed) == bool(token)


def test_v1_vendor_published_describe_regions():
    signed = alibaba.sign_rpc_v1("GET", {}, action="DescribeRegions", version="2014-05-26", access_key_id="testid",
                                 access_key_secret="testsecret", now=datetime(2016, 2, 23, 12, 46, 24, tzinfo=timezone.utc),
                                 nonce="3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", response_format="XML")
    assert signed["Signature"] == "OLeaidS1JvxuMvnyHOwuJ+uX5qY="


def test_v1_default_format_is_documented_upper_case():
    assert alibaba.sign_rpc_v1("GET", {}, action="A", version="V", **CREDS)["Format"] == "JSON"


@pytest.mark.parametrize("vector_id, method, host, query, action, version, token, expected", [
    ("B1", "GET", ICE_HOST, {"JobId": JOB}, "GetLiveRecordJob", "2020-11-09", None,
     "77c7c8cc5e0aa2335573f2f1cd24345207f1911ebf7458f83bc6ab4adebecc9a"),
    ("B2", "GET", ICE_HOST, {"JobId": JOB}, "GetLiveRecordJob", "2020-11-09", TOKEN,
     "c5a464fc479bec096d063db76e52fde1acd1b41c2d1c166f90a29f35b8c75f82"),
    ("B3", "GET", ICE_HOST, {"JobId": JOB}, "GetLiveSnapshotJob", "2020-11-09", None,
     "8f6c0b9edd37fe07d702d7f2e7c717a1d1d6dcc6509b98e2a205c5b26200a87e"),
    ("B4", "POST", "live.aliyuncs.com", EDGE_PARAMS, "GetEdgeTranscodeJob", "2016-11-01", None,
     "83e282a31233c5aad199ed8ed975abbc4778bcae7213d1c6499c608a4ea3240a"),
])
def test_v3_oracle_vectors_with_sdk_header_set(vector_id, method, host, query, action, version, token, expected):
    extra = sdk_header_set("static_sts" if token else "static_ak")
    headers = acs3(method, host, query, action, version, security_token=token, extra_headers=extra)
    assert acs3_hex(headers) == expected, vector_id


B5_HEADERS = {
    "host": ICE_HOST, "x-acs-action": "GetLiveRecordJob", "x-acs-content-sha256": alibaba.EMPTY_SHA256,
    "x-acs-date": TIMESTAMP, "x-acs-signature-nonce": NONCE, "x-acs-version": "2020-11-09",
}
B5_SIGNED = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"


def test_b5_minimal_headers_canonical_request_and_signature():
    canonical = alibaba.acs3_canonical_request("GET", "/", {"JobId": JOB}, B5_HEADERS, alibaba.EMPTY_SHA256)
    assert hashlib.sha256(canonical.encode()).hexdigest() == "a0f3f2e2014654599bbeccdae034a6b6c1046db4efb08c503db8939f9c17a3cb"
    expected = "783dc48e4ba1b1730545c811edb87a17fad87580b239f728e7030429038a5f79"
    assert alibaba.acs3_signature("GET", "/", {"JobId": JOB}, B5_HEADERS, alibaba.EMPTY_SHA256, SK) == (B5_SIGNED, expected)
    headers = acs3("GET", ICE_HOST, {"JobId": JOB}, "GetLiveRecordJob")
    assert headers["Authorization"] == f"ACS3-HMAC-SHA256 Credential={AK},SignedHeaders={B5_SIGNED},Signature={expected}"


def test_b6_security_token_header_only():
    signed_headers = dict(B5_HEADERS, **{"x-acs-security-token": TOKEN})
    signed, signature = alibaba.acs3_signature("GET", "/", {"JobId": JOB}, signed_headers, alibaba.EMPTY_SHA256, SK)
    assert signature == "de3fc4884e921e091fe0b0857cc841fa5f4c7c96e7f6949af6d4e6ec5e5607ea"
    assert "x-acs-security-token" in signed.split(";")


def test_sign_acs3_with_token_adds_and_signs_accesskey_id():
    headers = acs3("GET", ICE_HOST, {"JobId": JOB}, "GetLiveRecordJob", security_token=TOKEN)
    assert headers["x-acs-security-token"] == TOKEN and headers["x-acs-accesskey-id"] == AK
    assert "x-acs-accesskey-id;x-acs-action" in headers["Authorization"]


def test_v3_vendor_published_run_instances():
    headers = alibaba.sign_acs3("POST", "ecs.cn-shanghai.aliyuncs.com", "/",
                                {"ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId": "cn-shanghai"}, b"",
                                action="RunInstances", version="2014-05-26", access_key_id="YourAccessKeyId",
                                access_key_secret="YourAccessKeySecret", now=datetime(2023, 10, 26, 9, 1, 1, tzinfo=timezone.utc),
                                nonce="d410180a5abf7fe235dd9b74aca91fc0")
    assert acs3_hex(headers) == "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"


def test_now_in_another_timezone_is_converted_to_utc():
    shifted = NOW.astimezone(timezone(timedelta(hours=8)))
    assert alibaba.sign_rpc_v1("GET", {}, action="A", version="V", access_key_id=AK, access_key_secret=SK,
                               now=shifted, nonce=NONCE)["Timestamp"] == TIMESTAMP


def test_extra_headers_cannot_replace_signed_core_headers():
    headers = acs3("GET", ICE_HOST, {}, "GetLiveRecordJob", extra_headers={"X-Acs-Date": "1999", "Authorization": "x", "Host": "evil"})
    assert headers["x-acs-date"] == TIMESTAMP and headers["host"] == ICE_HOST
    assert "X-Acs-Date" not in headers and "Host" not in headers and headers["Authorization"].startswith("ACS3-HMAC-SHA256 ")


# ---------------------------------------------------------------- tampering must change the signature

@pytest.mark.parametrize("change", ["secret", "method", "body", "job"])
def test_tampering_changes_the_signature(change):
    base = {"method": "GET", "query": {"JobId": JOB}, "body": b"", "secret": SK}
    tampered = dict(base)
    tampered[{"secret": "secret", "method": "method", "body": "body", "job": "query"}[change]] = {
        "secret": SK[:-1] + "X", "method": "POST", "body": b"{}", "job": {"JobId": JOB[:-1] + "7"},
    }[change]

    def v3(args):
        return acs3_hex(alibaba.sign_acs3(args["method"], ICE_HOST, "/", args["query"], args["body"], action="GetLiveRecordJob",
                                          version="2020-11-09", access_key_id=AK, access_key_secret=args["secret"], now=NOW, nonce=NONCE))

    def v1(args):
        return alibaba.sign_rpc_v1(args["method"], args["query"], action="GetLiveRecordJob", version="2020-11-09",
                                   access_key_id=AK, access_key_secret=args["secret"], now=NOW, nonce=NONCE)["Signature"]

    assert v3(tampered) != v3(base)
    if change != "body":  # V1 has no body in the signature
        assert v1(tampered) != v1(base)


# ---------------------------------------------------------------- property tests against the SDK

@settings(max_examples=EXAMPLES, deadline=None)
@given(method=METHODS, api_params=st.dictionaries(AWKWARD, AWKWARD, max_size=5), action=AWKWARD, version=AWKWARD,
       ak=AWKWARD, secret=AWKWARD, token=st.one_of(st.none(), AWKWARD), nonce=AWKWARD, now=NOWS)
def _v1_matches_sdk(method, api_params, action, version, ak, secret, token, nonce, now):
    signed = alibaba.sign_rpc_v1(method, api_params, action=action, version=version, access_key_id=ak, access_key_secret=secret,
                                 now=now, nonce=nonce, security_token=token)
    unsigned = {key: value for key, value in signed.items() if key != "Signature"}
    assert signed["Signature"] == oracle.alibaba_rpc_v1(method, unsigned, secret)
    # the wire query decodes back to exactly the signed parameters: no id can smuggle or alter a parameter
    assert dict(parse_qsl(alibaba.encode_query(signed), keep_blank_values=True)) == signed


def test_v1_matches_sdk():
    before = oracle.CALLS["alibaba_v1"]
    _v1_matches_sdk()  # pylint: disable=no-value-for-parameter
    executed = oracle.CALLS["alibaba_v1"] - before
    print(f"alibaba V1 SDK comparisons: {executed}")
    assert executed >= EXAMPLES


@settings(max_examples=EXAMPLES, deadline=None)
@given(method=METHODS, host=AWKWARD, path=st.one_of(st.just("/"), AWKWARD), query=st.dictionaries(AWKWARD, AWKWARD, max_size=5),
       body=st.binary(max_size=64), action=AWKWARD, ak=AWKWARD, secret=AWKWARD, token=st.one_of(st.none(), AWKWARD), nonce=AWKWARD,
       now=NOWS, extra=st.dictionaries(HEADER_NAMES, AWKWARD, max_size=4))
def _acs3_matches_sdk(method, host, path, query, body, action, ak, secret, token, nonce, now, extra):
    headers = alibaba.sign_acs3(method, host, path, query, body, action=action, version="2020-11-09", access_key_id=ak,
                                access_key_secret=secret, now=now, nonce=nonce, security_token=token, extra_headers=extra)
    sent = {name: value for name, value in headers.items() if name != "Authorization"}
    sdk_signed, sdk_signature = oracle.alibaba_acs3(method, path, query, sent, hashlib.sha256(body).hexdigest(), ak, secret)
    assert headers["Authorization"] == f"ACS3-HMAC-SHA256 Credential={ak},SignedHeaders={sdk_signed},Signature={sdk_signature}"
    assert alibaba.acs3_signature(method, path, query, sent, headers["x-acs-content-sha256"], secret) == (sdk_signed, sdk_signature)


def test_acs3_matches_sdk():
    before = oracle.CALLS["alibaba_acs3"]
    _acs3_matches_sdk()  # pylint: disable=no-value-for-parameter
    executed = oracle.CALLS["alibaba_acs3"] - before
    print(f"alibaba ACS3 SDK comparisons: {executed}")
    assert executed >= EXAMPLES


# ---------------------------------------------------------------- full SDK client path (frozen clock/nonce/UA, no network)

def full_path(client_module, method_name, request, endpoint, token, v1):
    return oracle.alibaba_client_request(client_module, method_name, request, endpoint=endpoint, access_key_id=AK, secret=SK,
                                         token=token, v1=v1, timestamp=TIMESTAMP, nonce=NONCE, user_agent=UA)


CALLS_UNDER_TEST = [
    ("GetLiveRecordJob", "2020-11-09", "GET", ICE_HOST, ice_client, "get_live_record_job",
     lambda job: ice_models.GetLiveRecordJobRequest(job_id=job), lambda job: {"JobId": job}),
    ("GetLiveSnapshotJob", "2020-11-09", "GET", ICE_HOST, ice_client, "get_live_snapshot_job",
     lambda job: ice_models.GetLiveSnapshotJobRequest(job_id=job), lambda job: {"JobId": job}),
    ("GetEdgeTranscodeJob", "2016-11-01", "POST", "live.aliyuncs.com", live_client, "get_edge_transcode_job",
     lambda job: live_models.GetEdgeTranscodeJobRequest(cluster_id="cluster-0001", job_id=job, region_id="cn-shanghai"),
     lambda job: {"ClusterId": "cluster-0001", "JobId": job, "RegionId": "cn-shanghai"}),
]


@pytest.mark.parametrize("token", [None, TOKEN])
@pytest.mark.parametrize("action, version, method, host, module, method_name, sdk_request, params", CALLS_UNDER_TEST)
@pytest.mark.parametrize("job", [JOB, "job id/with:odd&chars+%~*=中"])
def test_full_sdk_path_v3(action, version, method, host, module, method_name, sdk_request, params, token, job):
    sent = full_path(module, method_name, sdk_request(job), host, token, v1=False)
    ours = alibaba.sign_acs3(method, host, "/", params(job), b"", action=action, version=version, security_token=token,
                             extra_headers=sdk_header_set("static_sts" if token else "static_ak"), **CREDS)
    assert sent.method == method and sent.pathname == "/" and sent.query == params(job)
    assert sent.headers == ours


@pytest.mark.parametrize("token", [None, TOKEN])
@pytest.mark.parametrize("action, version, method, host, module, method_name, sdk_request, params", CALLS_UNDER_TEST)
@pytest.mark.parametrize("job", [JOB, "job id/with:odd&chars+%~*=中"])
def test_full_sdk_path_v1(action, version, method, host, module, method_name, sdk_request, params, token, job):
    sent = full_path(module, method_name, sdk_request(job), host, token, v1=True)
    assert sent.method == method and not sent.body
    assert sent.query == rpc(method, params(job), action, version, security_token=token)


def test_full_sdk_path_matches_published_b1_and_a1():
    sent = full_path(ice_client, "get_live_record_job", ice_models.GetLiveRecordJobRequest(job_id=JOB), ICE_HOST, None, v1=False)
    assert sent.headers["Authorization"].endswith("Signature=77c7c8cc5e0aa2335573f2f1cd24345207f1911ebf7458f83bc6ab4adebecc9a")
    sent = full_path(ice_client, "get_live_record_job", ice_models.GetLiveRecordJobRequest(job_id=JOB), ICE_HOST, None, v1=True)
    assert sent.query["Signature"] == "Kx0POAiH7d0qNXW+TSrDgsRBW9Y="


@settings(max_examples=100, deadline=None)
@given(job=AWKWARD, token=st.one_of(st.none(), AWKWARD))
def test_full_sdk_path_v3_random_ids(job, token):
    sent = full_path(ice_client, "get_live_record_job", ice_models.GetLiveRecordJobRequest(job_id=job), ICE_HOST, token, v1=False)
    ours = alibaba.sign_acs3("GET", ICE_HOST, "/", {"JobId": job}, b"", action="GetLiveRecordJob", version="2020-11-09",
                             security_token=token, extra_headers=sdk_header_set("static_sts" if token else "static_ak"), **CREDS)
    assert sent.headers == ours


# ---------------------------------------------------------------- never raises

@settings(max_examples=300, deadline=None)
@given(method=st.text(), job=st.text(), ak=st.text(), secret=st.text(), token=st.one_of(st.none(), st.text()),
       nonce=st.text(), host=st.text(), path=st.text(), body=st.binary(), surrogate=st.characters(categories=["Cs"]),
       extra=st.dictionaries(st.text(), st.text(), max_size=3))
def test_signing_never_raises_on_any_text(method, job, ak, secret, token, nonce, host, path, body, surrogate, extra):
    for value in (job, job + surrogate):
        params = alibaba.sign_rpc_v1(method, {"JobId": value, value: value}, action=value, version=value, access_key_id=ak,
                                     access_key_secret=secret + surrogate, now=NOW, nonce=nonce, security_token=token)
        assert isinstance(alibaba.encode_query(params), str)
        headers = alibaba.sign_acs3(method, host, path, {"JobId": value}, body, action=value, version=value, access_key_id=ak,
                                    access_key_secret=secret + surrogate, now=NOW, nonce=nonce + surrogate, security_token=token,
                                    extra_headers=dict(extra, **{value: value}))
        assert headers["Authorization"].startswith("ACS3-HMAC-SHA256 Credential=")
