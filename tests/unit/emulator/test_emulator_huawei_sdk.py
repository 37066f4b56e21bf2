"""The emulator accepts what huaweicloudsdkcloudrtc sends (AK/SK, with and without token) and refuses forgeries."""

import datetime

import pytest
import requests

from emulator_helpers import (HUAWEI_AK, HUAWEI_AUTH_TOKEN, HUAWEI_PROJECT, HUAWEI_SK, HUAWEI_STS_AK, HUAWEI_STS_SK,
                              HUAWEI_STS_TOKEN, huawei_call)

credentials = pytest.importorskip("huaweicloudsdkcore.auth.credentials")
http_config = pytest.importorskip("huaweicloudsdkcore.http.http_config")
region = pytest.importorskip("huaweicloudsdkcore.region.region")
signer = pytest.importorskip("huaweicloudsdkcore.signer.signer")
rtc = pytest.importorskip("huaweicloudsdkcloudrtc.v2")


def client(url, access_key=HUAWEI_AK, secret=HUAWEI_SK, project=HUAWEI_PROJECT, token=None):
    creds = credentials.BasicCredentials(access_key, secret, project)
    if token:
        creds = creds.with_security_token(token)
    config = http_config.HttpConfig.get_default_config()
    config.timeout = (5, 5)
    return (rtc.CloudRTCClient.new_builder().with_http_config(config).with_credentials(creds)
            .with_region(region.Region("cn-north-4", url)).build())


def show(rtc_client, app_id, job_id):
    return rtc_client.show_individual_stream_job(rtc.ShowIndividualStreamJobRequest(app_id=app_id, job_id=job_id))


def error_of(call):
    with pytest.raises(Exception) as info:
        call()
    return info.value


def test_seed_job_and_event_job(live_jobs_emulator):
    seed = show(client(live_jobs_emulator.url), "1", "1")
    assert (seed.room_id, seed.user_id, seed.max_idle_time) == ("100", "user001", 30)
    assert seed.record_param.record_rule_id == "5f5e172b9016ed5b0961a43"
    event = show(client(live_jobs_emulator.url), "evt-app-1", "evt-rtc-001")
    assert event.state == "RUNNING" and event.x_request_id


def test_security_token_credential(live_jobs_emulator):
    reply = show(client(live_jobs_emulator.url, HUAWEI_STS_AK, HUAWEI_STS_SK, token=HUAWEI_STS_TOKEN),
                 "evt-app-1", "evt-rtc-005")
    assert reply.state == "INIT"


def test_tampered_secret_is_apig_0301(live_jobs_emulator):
    error = error_of(lambda: show(client(live_jobs_emulator.url, secret="x" * 40), "evt-app-1", "evt-rtc-001"))
    assert (error.status_code, error.error_code) == (401, "APIG.0301")
    assert error.error_msg == "Incorrect IAM authentication information: verify aksk signature fail"
    assert error.request_id


def test_wrong_project_is_rejected(live_jobs_emulator):
    error = error_of(lambda: show(client(live_jobs_emulator.url, project="f" * 32), "evt-app-1", "evt-rtc-001"))
    assert (error.status_code, error.error_code) == (401, "APIG.0301")


def test_clock_skew_is_rejected(live_jobs_emulator, monkeypatch):
    class SkewedDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return datetime.datetime.utcnow() - datetime.timedelta(minutes=20)

    monkeypatch.setattr(signer, "datetime", SkewedDatetime)
    error = error_of(lambda: show(client(live_jobs_emulator.url), "evt-app-1", "evt-rtc-001"))
    assert (error.status_code, error.error_code) == (401, "APIG.0301")
    assert "request expired" in error.error_msg


def test_not_found_including_job_of_another_app(live_jobs_emulator):
    for app_id, job_id in (("evt-app-1", "nope"), ("another-app", "evt-rtc-001")):
        error = error_of(lambda: show(client(live_jobs_emulator.url), app_id, job_id))
        assert (error.status_code, error.error_code, error.error_msg) == (404, "RTC.00001003", "InvalidParameterValue")


def test_x_auth_token(live_jobs_emulator):
    url = live_jobs_emulator.url + "/v2/apps/evt-app-1/individual-stream-jobs/evt-rtc-002"
    reply = requests.get(url, headers={"Content-Type": "application/json", "X-Auth-Token": HUAWEI_AUTH_TOKEN},
                         timeout=5)
    assert reply.status_code == 200 and reply.json()["state"] == "RUNNING" and reply.headers["X-Request-Id"]
    reply = requests.get(url, headers={"X-Auth-Token": "MIIwrong"}, timeout=5)
    assert (reply.status_code, reply.json()["error_code"]) == (401, "APIG.0301")


def test_throttling_is_429_apig_0308(emulator_factory):
    handle = emulator_factory(rate_limits={"huawei_record": 2})
    rtc_client = client(handle.url)
    show(rtc_client, "evt-app-1", "evt-rtc-001")
    show(rtc_client, "evt-app-1", "evt-rtc-001")
    # SDK quirk: its urllib3 Retry(status_forcelist=[429]) turns any 429 into RetryError and drops the body.
    error = error_of(lambda: show(rtc_client, "evt-app-1", "evt-rtc-001"))
    assert (error.status_code, error.error_code) == (429, "429")
    reply = huawei_call(handle.url, "evt-app-1", "evt-rtc-001")
    assert reply.status_code == 429
    assert reply.json() == {"error_code": "APIG.0308", "error_msg": "The throttling threshold has been reached: "
                                                                    "policy user over ratelimit,limit:2,time:1 second"}
