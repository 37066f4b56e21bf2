# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The official vendor SDK signers wrapped as test oracles (frozen clock/nonce, transport intercepted)."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from unittest import mock

# how many signatures each SDK produced during the run; the tests print/assert on it
CALLS: Counter = Counter()

_ACS3 = re.compile(r"^ACS3-HMAC-SHA256 Credential=(?P<ak>.*),SignedHeaders=(?P<signed>[^,]*),Signature=(?P<sig>[0-9a-f]{64})$", re.S)
_VOLC = re.compile(r"^HMAC-SHA256 Credential=(?P<cred>.*), SignedHeaders=(?P<signed>[^,]*), Signature=(?P<sig>[0-9a-f]{64})$", re.S)
_HUAWEI = re.compile(r"^SDK-HMAC-SHA256 Access=(?P<ak>.*), SignedHeaders=(?P<signed>[^,]*), Signature=(?P<sig>[0-9a-f]{64})$", re.S)


class Captured(BaseException):
    """Raised by the fake transports; BaseException so the SDKs' `except Exception` retry code lets it through."""

    def __init__(self, request):
        super().__init__("request captured")
        self.request = request


def split_authorization(pattern: re.Pattern, value: str) -> tuple[str, str]:
    match = pattern.match(value)
    assert match, value
    return match.group("signed"), match.group("sig")


# ---------------------------------------------------------------- Alibaba (alibabacloud-tea-openapi 0.4.6)

def alibaba_rpc_v1(method, params, secret):
    from alibabacloud_tea_openapi.utils import Utils
    CALLS["alibaba_v1"] += 1
    return Utils.get_rpcsignature(dict(params), method, secret)


def alibaba_acs3(method, path, query, headers, payload_sha256, access_key_id, secret):
    """(SignedHeaders, signature) from `Utils.get_authorization` on a DaraRequest carrying exactly `headers`."""
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.request import DaraRequest
    request = DaraRequest()
    request.method = method
    request.pathname = path
    request.query = dict(query)
    request.headers = dict(headers)
    CALLS["alibaba_acs3"] += 1
    authorization = Utils.get_authorization(request, "ACS3-HMAC-SHA256", payload_sha256, access_key_id, secret)
    return split_authorization(_ACS3, authorization)


@contextlib.contextmanager
def alibaba_frozen(timestamp, nonce, user_agent):
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.core import DaraCore

    def capture(request, runtime_option=None):
        raise Captured(request)

    with mock.patch.object(Utils, "get_timestamp", staticmethod(lambda: timestamp)), \
            mock.patch.object(Utils, "get_nonce", staticmethod(lambda: nonce)), \
            mock.patch.object(Utils, "get_user_agent", staticmethod(lambda _agent=None: user_agent)), \
            mock.patch.object(DaraCore, "do_action", staticmethod(capture)):
        yield


def alibaba_client_request(client_module, method_name, request, *, endpoint, access_key_id, secret, token=None, v1=False,
                           timestamp, nonce, user_agent):
    """Drive a generated Alibaba client call end to end and return the DaraRequest it would have sent."""
    from alibabacloud_tea_openapi import utils_models
    config = utils_models.Config(access_key_id=access_key_id, access_key_secret=secret, security_token=token,
                                 endpoint=endpoint, signature_algorithm="v2" if v1 else None)
    client = client_module.Client(config)
    with alibaba_frozen(timestamp, nonce, user_agent):
        try:
            getattr(client, method_name)(request)
        except Captured as captured:
            CALLS["alibaba_full"] += 1
            return captured.request
    raise AssertionError("the SDK sent nothing")


# ---------------------------------------------------------------- Volcengine (volc-sdk-python 1.0.229)

@contextlib.contextmanager
def volc_frozen(x_date):
    from volcengine.auth.SignerV4 import SignerV4
    with mock.patch.object(SignerV4, "get_current_format_date", staticmethod(lambda: x_date)):
        yield


def volc_sign(method, host, path, query, headers, body, *, ak, sk, region, service, token, x_date):
    """Headers after `volcengine.auth.SignerV4.SignerV4.sign` on a volcengine Request built from these inputs."""
    from volcengine.auth.SignerV4 import SignerV4
    from volcengine.base.Request import Request
    from volcengine.Credentials import Credentials
    request = Request()
    request.set_method(method)
    request.set_host(host)
    request.set_path(path)
    request.set_query(dict(query))
    request.set_headers(dict(headers))
    request.set_body(body)
    with volc_frozen(x_date):
        SignerV4.sign(request, Credentials(ak, sk, service, region, token or ""))
    CALLS["volcengine"] += 1
    return request.headers


def volc_get_pull_record_task(task_id, *, ak, sk, token, x_date):
    """Drive LiveService.get_pull_record_task end to end; returns (url, headers, body) it would have posted."""
    from volcengine.live.v20230101.live_service import LiveService

    def capture(url, headers=None, data=None, **_kwargs):
        raise Captured((url, dict(headers), data))

    service = LiveService()
    service.set_ak(ak)
    service.set_sk(sk)
    # the SDK keeps credentials in a module-level ServiceInfo shared by every instance: always reset the token
    service.set_session_token(token or "")
    try:
        with volc_frozen(x_date), mock.patch.object(service.session, "post", capture):
            service.get_pull_record_task({"TaskID": task_id})
    except Captured as captured:
        CALLS["volcengine_full"] += 1
        return captured.request
    finally:
        service.set_session_token("")
    raise AssertionError("the SDK sent nothing")


# ---------------------------------------------------------------- Huawei (huaweicloudsdkcore 3.1.219)

def huawei_sign(method, host, wire_path, query, headers, body, *, ak, sk, project_id=None, token=None):
    """The SdkRequest after `BasicCredentials.sign_request` (adds X-Project-Id/X-Security-Token, then `Signer.sign`)."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.sdk_request import SdkRequest
    request = SdkRequest(method=method, schema="https", host=host, resource_path=wire_path,
                         query_params=list(query.items()), header_params=dict(headers), body=body)
    credentials = BasicCredentials(ak, sk, project_id)
    # the SDK signs an empty token as an empty header; our signer treats "" as "no token"
    credentials.security_token = token or None
    credentials.sign_request(request)
    CALLS["huawei"] += 1
    return request


def huawei_show_individual_stream_job(app_id, job_id, *, ak, sk, project_id, token, sdk_date, user_agent):
    """Drive CloudRTCClient.show_individual_stream_job end to end; returns the SdkRequest it would have sent."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkcloudrtc.v2 import CloudRTCClient, ShowIndividualStreamJobRequest

    def capture(request):
        raise Captured(request)

    config = HttpConfig.get_default_config()
    config.user_agent = user_agent
    credentials = BasicCredentials(ak, sk, project_id)
    if token:
        credentials.security_token = token
    client = CloudRTCClient.new_builder().with_http_config(config).with_credentials(credentials) \
        .with_endpoints(["https://rtc-api.myhuaweicloud.com"]).build()
    request = ShowIndividualStreamJobRequest(app_id=app_id, job_id=job_id, x_sdk_date=sdk_date)
    with mock.patch.object(client.get_http_client(), "do_request_sync", capture):
        try:
            client.show_individual_stream_job(request)
        except Captured as captured:
            CALLS["huawei_full"] += 1
            return captured.request
    raise AssertionError("the SDK sent nothing")
