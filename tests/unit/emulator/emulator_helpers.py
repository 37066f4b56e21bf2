"""Shared by the emulator tests: the default fixture's fake credentials and raw requests signed by the collection.

The collection's signers play the client here; the emulator verifies with its own code (emulator/sig_*.py).
"""

import json
import uuid
from datetime import datetime, timezone
from urllib.parse import urlsplit

import requests

from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import alibaba as alibaba_signing
from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import huawei as huawei_signing
from ansible_collections.mediaops.live_jobs.plugins.module_utils._signing import volcengine as volcengine_signing

# The bundled default fixture's FAKE credentials (emulator-only).
ALIBABA_AK, ALIBABA_SK = "LTAI5tEmuLat0rAcc3ssKey01", "EmuLat0rS3cr3tF0rL1veJ0bsAcc01"
ALIBABA_STS_AK, ALIBABA_STS_SK = "STS.NUEmuLat0rStsAcc3ssKey02", "EmuLat0rSt5S3cr3tF0rL1veJ0b02"
ALIBABA_STS_TOKEN = "CAISEmuLat0rFakeSecurityTokenForLiveJobsTestsOnly02"
VOLC_AK, VOLC_SK = "AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ", "RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx"
VOLC_STS_AK, VOLC_STS_SK = "AKTPZW11bGF0b3JTdHNBY2Nlc3NLZXkwMg", "RW11bGF0b3JTdHNTZWNyZXRGb3JMaXZlSm9iczAy"
VOLC_SESSION_TOKEN = "STS2eyJFbXVsYXRvciI6ICJsaXZlLWpvYnMiLCAiZmFrZSI6IHRydWV9"
HUAWEI_AK, HUAWEI_SK = "HWEMULAT0RAKEXAMPLE1", "HwEmuLat0rSecretKeyForLiveJobsTests00001"
HUAWEI_STS_AK, HUAWEI_STS_SK = "HWEMULAT0RSTSEXAMPL2", "HwEmuLat0rStsSecretKeyForLiveJobsTest002"
HUAWEI_STS_TOKEN = "gQpjbi1ub3J0aC00EmuLat0rFakeSecurityTokenForLiveJobs02"
HUAWEI_PROJECT = "0e1d2c3b4a5968778695a4b3c2d1e0f1"
HUAWEI_AUTH_TOKEN = "MIIEmuLat0rFakeIamUserTokenForLiveJobsTestsOnly0001"

ICE_VERSION, LIVE_VERSION = "2020-11-09", "2016-11-01"


def host_of(url: str) -> str:
    return urlsplit(url).netloc


def alibaba_call(url, action, params, version=ICE_VERSION, method="GET", secret=ALIBABA_SK, timeout=5,
                 access_key=ALIBABA_AK, token=None, **kwargs):
    """A V3-signed Alibaba RPC call with the collection's signer."""
    headers = alibaba_signing.sign_acs3(method, host_of(url), "/", params, b"", action=action, version=version,
                                        access_key_id=access_key, access_key_secret=secret,
                                        now=datetime.now(timezone.utc), nonce=uuid.uuid4().hex,
                                        security_token=token)
    query = alibaba_signing.encode_query(params)
    return requests.request(method, "%s/?%s" % (url, query), headers=headers, timeout=timeout, **kwargs)


def volcengine_call(url, action, body, secret=VOLC_SK, timeout=5, access_key=VOLC_AK, token=None, **kwargs):
    data = json.dumps(body).encode()
    query = {"Action": action, "Version": "2023-01-01"}
    headers = volcengine_signing.sign_volcengine("POST", host_of(url), "/", query, data, access_key=access_key,
                                                 secret_key=secret, region="cn-north-1", service="live",
                                                 now=datetime.now(timezone.utc), session_token=token)
    return requests.post("%s/?%s" % (url, volcengine_signing.canonical_query(query)), data=data, headers=headers,
                         timeout=timeout, **kwargs)


def huawei_call(url, app_id, job_id, secret=HUAWEI_SK, timeout=5, access_key=HUAWEI_AK, token=None, **kwargs):
    path = "/v2/apps/%s/individual-stream-jobs/%s" % (huawei_signing.encode_path_segment(app_id),
                                                      huawei_signing.encode_path_segment(job_id))
    headers = huawei_signing.sign_huawei("GET", host_of(url), path, {}, b"", access_key=access_key, secret_key=secret,
                                         now=datetime.now(timezone.utc), project_id=HUAWEI_PROJECT,
                                         security_token=token)
    return requests.get(url + path, headers=headers, timeout=timeout, **kwargs)
