"""The emulator's own verifiers reproduce the documented vectors (vendor-apis.md 2.3, 2.4, 3.2, 4.2) and share
no code with the collection's signers."""

import ast
import hashlib
import pathlib

import pytest

from ansible_collections.mediaops.live_jobs.emulator import sig_alibaba, sig_huawei, sig_volcengine

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
EMULATOR_DIR = pathlib.Path(sig_alibaba.__file__).resolve().parent

# Oracle inputs of vendor-apis.md 2.6 (A*/B* vectors).
ALIBABA_SECRET = "testAccessKeySecret"
RPC_V1_PARAMS = {"AccessKeyId": "testAccessKeyId", "Action": "GetLiveRecordJob", "Format": "json",
                 "JobId": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66", "SignatureMethod": "HMAC-SHA1",
                 "SignatureNonce": "c9a1f0e2d3b4a5968778695a4b3c2d1e", "SignatureVersion": "1.0",
                 "Timestamp": "2024-01-01T00:00:00Z", "Version": "2020-11-09"}
ACS3_QUERY = {"JobId": "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66"}
ACS3_HEADERS = {"host": "ice.cn-shanghai.aliyuncs.com", "x-acs-action": "GetLiveRecordJob",
                "x-acs-content-sha256": EMPTY_SHA256, "x-acs-date": "2024-01-01T00:00:00Z",
                "x-acs-signature-nonce": "c9a1f0e2d3b4a5968778695a4b3c2d1e", "x-acs-version": "2020-11-09"}


@pytest.mark.parametrize("method, extra, expected", [
    ("GET", {}, "Kx0POAiH7d0qNXW+TSrDgsRBW9Y="),                                          # A1
    ("POST", {}, "LBO/uBu8ChVYzxfOfYeJ1ZO+p2I="),                                         # A0: method is signed
    ("GET", {"SecurityToken": "testSecurityToken"}, "cooXI2MHTbEAXkxMCUoj6LLkHq4="),      # A2
    ("GET", {"Action": "GetLiveSnapshotJob"}, "fygqhWV3k3Ey3yRBROqsnJRFsSM="),            # A3
    ("POST", {"Action": "GetEdgeTranscodeJob", "Version": "2016-11-01", "ClusterId": "cluster-0001",
              "JobId": "job-0001", "RegionId": "cn-shanghai"}, "VaRQ9oh2lPez3YMC+/HUHTZLxGA="),  # A4
])
def test_alibaba_rpc_v1_oracle_vectors(method, extra, expected):
    params = dict(RPC_V1_PARAMS, **extra)
    assert sig_alibaba.rpc_v1_signature(method, params, ALIBABA_SECRET) == expected
    assert sig_alibaba.rpc_v1_signature(method, dict(params, Signature=expected), ALIBABA_SECRET) == expected


def test_alibaba_rpc_v1_worked_example_string_to_sign():
    assert sig_alibaba.rpc_v1_string_to_sign("GET", RPC_V1_PARAMS) == (
        "GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetLiveRecordJob%26Format%3Djson%26JobId%3D"
        "ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D"
        "c9a1f0e2d3b4a5968778695a4b3c2d1e%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T00%253A00%253A00Z"
        "%26Version%3D2020-11-09")


def test_alibaba_rpc_v1_vendor_describe_regions_vector():
    params = {"AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML", "SignatureMethod": "HMAC-SHA1",
              "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion": "1.0",
              "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26"}
    assert sig_alibaba.rpc_v1_signature("GET", params, "testsecret") == "OLeaidS1JvxuMvnyHOwuJ+uX5qY="


def test_alibaba_percent_encoding_is_rfc3986():
    assert sig_alibaba.percent_encode("a b*c/d:e~f_g.h-i+j") == "a%20b%2Ac%2Fd%3Ae~f_g.h-i%2Bj"
    assert sig_alibaba.percent_encode("直播") == "%E7%9B%B4%E6%92%AD"


def test_alibaba_acs3_minimal_header_vector_and_intermediates():
    request_text = sig_alibaba.acs3_canonical_request("GET", "/", ACS3_QUERY, ACS3_HEADERS, EMPTY_SHA256)
    assert request_text.split("\n")[:3] == ["GET", "/", "JobId=ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66"]
    assert "x-acs-version:2020-11-09\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-date;" in request_text
    assert sig_alibaba.acs3_string_to_sign(request_text) == (
        "ACS3-HMAC-SHA256\na0f3f2e2014654599bbeccdae034a6b6c1046db4efb08c503db8939f9c17a3cb")
    assert sig_alibaba.acs3_signature("GET", "/", ACS3_QUERY, ACS3_HEADERS, EMPTY_SHA256, ALIBABA_SECRET) == (
        "783dc48e4ba1b1730545c811edb87a17fad87580b239f728e7030429038a5f79")                 # B5


def test_alibaba_acs3_header_case_order_and_token_vectors():
    shuffled = {name.title(): " %s " % value for name, value in reversed(list(ACS3_HEADERS.items()))}
    assert sig_alibaba.acs3_signature("GET", "/", ACS3_QUERY, shuffled, EMPTY_SHA256, ALIBABA_SECRET) == (
        "783dc48e4ba1b1730545c811edb87a17fad87580b239f728e7030429038a5f79")
    with_token = dict(ACS3_HEADERS, **{"x-acs-security-token": "testSecurityToken"})
    assert sig_alibaba.acs3_signature("GET", "/", ACS3_QUERY, with_token, EMPTY_SHA256, ALIBABA_SECRET) == (
        "de3fc4884e921e091fe0b0857cc841fa5f4c7c96e7f6949af6d4e6ec5e5607ea")                 # B6
    sdk_headers = dict(ACS3_HEADERS, **{"accept": "application/json", "user-agent": "oracle-ua/1.0",
                                        "x-acs-credentials-provider": "static_ak"})
    assert sig_alibaba.acs3_signature("GET", "/", ACS3_QUERY, sdk_headers, EMPTY_SHA256, ALIBABA_SECRET) == (
        "77c7c8cc5e0aa2335573f2f1cd24345207f1911ebf7458f83bc6ab4adebecc9a")                 # B1


def test_alibaba_acs3_vendor_run_instances_vector():
    headers = {"host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances",
               "x-acs-content-sha256": EMPTY_SHA256, "x-acs-date": "2023-10-26T09:01:01Z",
               "x-acs-signature-nonce": "d410180a5abf7fe235dd9b74aca91fc0", "x-acs-version": "2014-05-26"}
    query = {"ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId": "cn-shanghai"}
    assert sig_alibaba.acs3_signature("POST", "/", query, headers, EMPTY_SHA256, "YourAccessKeySecret") == (
        "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804")


VOLC_BODY = b'{"TaskID": "5b903f78c7f5ae01f6fe2eea"}'
VOLC_BODY_SHA256 = "cb578175c9013e5b0c2ba97b3b030cb96c52573c4aeee2c6d6c011d6e5c89a28"
VOLC_DATE = "20240101T000000Z"
VOLC_QUERY = [("Version", "2023-01-01"), ("Action", "GetPullRecordTask")]  # received order is irrelevant
VOLC_HEADERS = {"Content-Type": "application/json", "Host": "live.volcengineapi.com",
                "X-Content-Sha256": VOLC_BODY_SHA256, "X-Date": VOLC_DATE}


def volc_signature(headers, host_suffix=""):
    headers = dict(headers, Host=headers["Host"] + host_suffix)
    return sig_volcengine.volc_signature("POST", "/", VOLC_QUERY, headers, VOLC_BODY_SHA256, "dGVzdFNlY3JldEtleQ==",
                                         VOLC_DATE, "cn-north-1", "live")


def test_volcengine_worked_vector_and_intermediates():
    assert hashlib.sha256(VOLC_BODY).hexdigest() == VOLC_BODY_SHA256
    request_text = sig_volcengine.canonical_request("POST", "/", VOLC_QUERY, VOLC_HEADERS, VOLC_BODY_SHA256)
    assert request_text.split("\n")[2] == "Action=GetPullRecordTask&Version=2023-01-01"
    scope = sig_volcengine.credential_scope(VOLC_DATE, "cn-north-1", "live")
    assert scope == "20240101/cn-north-1/live/request"
    assert sig_volcengine.string_to_sign(VOLC_DATE, scope, request_text) == (
        "HMAC-SHA256\n20240101T000000Z\n20240101/cn-north-1/live/request\n"
        "7e628e1f1c323e76fcc894ab5f96303303747e857154e62349662e2b9c6b472e")
    assert volc_signature(VOLC_HEADERS) == "34741c459921f3a334a9d3dd26a1d98a376ed98e05f8a61d964efce3540ff7de"


def test_volcengine_session_token_and_default_port_vectors():
    with_token = dict(VOLC_HEADERS, **{"X-Security-Token": "STS2testSessionToken"})
    assert volc_signature(with_token) == "0c40f0e3040f040f9b4734231a6f2e01cd0521720445651a5bdc116f55027105"
    assert volc_signature(VOLC_HEADERS, ":443") == volc_signature(VOLC_HEADERS)
    assert volc_signature(VOLC_HEADERS, ":8443") != volc_signature(VOLC_HEADERS)


def test_volcengine_canonical_query_encoding():
    assert sig_volcengine.canonical_query([("b", "x y"), ("a", "1+2/3"), ("b", "~ok")]) == (
        "a=1%2B2%2F3&b=x%20y&b=~ok")


def test_huawei_vendor_published_vector():
    headers = {"Content-Type": "application/json", "Host": "service.region.example.com",
               "X-Sdk-Date": "20191115T033655Z"}
    path = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
    query = [("marker", "13551d6b-755d-4757-b956-536f674975c0"), ("limit", "2")]
    request_text = sig_huawei.canonical_request("GET", path, query, headers, EMPTY_SHA256)
    assert hashlib.sha256(request_text.encode()).hexdigest() == (
        "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a")
    assert sig_huawei.huawei_signature("GET", path, query, headers, EMPTY_SHA256,
                                       "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", "20191115T033655Z") == (
        "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe")


HUAWEI_SECRET = "HWTESTSKexampleSecretKey0000000000000000"
HUAWEI_JOB_PATH = "/v2/apps/5f5e172b9016ed5b0961a43/individual-stream-jobs/job-0001"
HUAWEI_HEADERS = {"Content-Type": "application/json", "Host": "rtc-api.myhuaweicloud.com",
                  "X-Project-Id": "0123456789abcdef0123456789abcdef", "X-Sdk-Date": "20240101T000000Z"}
SDK_USER_AGENT = {"User-Agent": "huaweicloud-usdk-python/3.0; oracle-ua/1.0"}
TOKEN = {"X-Security-Token": "testSecurityToken"}


@pytest.mark.parametrize("path, query, extra, expected", [
    (HUAWEI_JOB_PATH, [], {}, "6486d9315564b4384454a010ce862915545f9f0406532946699e145d143ae3a4"),            # H2a
    (HUAWEI_JOB_PATH, [], TOKEN, "49c5a8142f4049875a54e9eeaaa9c2a0c7ecf492f1c11a2197e63c05576df269"),         # H2b
    (HUAWEI_JOB_PATH, [], SDK_USER_AGENT, "304b50355149e18452f6e507ddb116f0e13d783135b1fb35e579ad4f45e53f59"),  # H1a
    (HUAWEI_JOB_PATH, [], dict(SDK_USER_AGENT, **TOKEN),
     "b9b4276253c63fd83a5a1843e5f949e567a71459773698dbaf85a21053108392"),                                      # H1b
    ("/v2/apps/5f5e172b9016ed5b0961a43/record-rules", [("offset", "0"), ("limit", "10")], {},
     "0d2da7e5c6ad2abb369178fb889efc27f799acacd34e7614a37e975109a575a2"),                                      # H3
])
def test_huawei_rtc_vectors(path, query, extra, expected):
    headers = dict(HUAWEI_HEADERS, **extra)
    assert sig_huawei.huawei_signature("GET", path, query, headers, EMPTY_SHA256, HUAWEI_SECRET,
                                       "20240101T000000Z") == expected


def test_huawei_canonical_uri_gets_a_trailing_slash_and_string_to_sign_has_no_scope():
    assert sig_huawei.canonical_uri(HUAWEI_JOB_PATH) == HUAWEI_JOB_PATH + "/"
    assert sig_huawei.canonical_uri("/v2/apps/a%20b/x/") == "/v2/apps/a%20b/x/"
    request_text = sig_huawei.canonical_request("GET", HUAWEI_JOB_PATH, [], HUAWEI_HEADERS, EMPTY_SHA256)
    assert sig_huawei.string_to_sign("20240101T000000Z", request_text) == (
        "SDK-HMAC-SHA256\n20240101T000000Z\n2b7c1c359ce8b07aca364a6726a658764a09ee1e4580bda41196de0729a4ab84")


def imported_modules(path: pathlib.Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or "")


def test_the_emulator_imports_nothing_from_the_collections_plugins():
    sources = sorted(EMULATOR_DIR.glob("*.py"))
    assert len(sources) > 20
    offending = {path.name: name for path in sources for name in imported_modules(path)
                 if "plugins" in name.split(".") or name.startswith("..")}
    assert offending == {}
