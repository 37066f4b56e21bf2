"""The emulator accepts what volc-sdk-python's Live 2023-01-01 client sends and refuses forgeries."""

import datetime
import json

import pytest

from emulator_helpers import VOLC_AK, VOLC_SESSION_TOKEN, VOLC_SK, VOLC_STS_AK, VOLC_STS_SK

live_service = pytest.importorskip("volcengine.live.v20230101.live_service")
signer_v4 = pytest.importorskip("volcengine.auth.SignerV4")


@pytest.fixture
def volc_client(live_jobs_emulator):
    """A LiveService pointed at the emulator; the SDK's ServiceInfo/Credentials are module globals, so restore them."""
    service = live_service.LiveService()
    info = service.service_info
    saved = (info.host, info.scheme, info.credentials.ak, info.credentials.sk, info.credentials.session_token)

    def make(access_key=VOLC_AK, secret=VOLC_SK, token=None):
        info.host, info.scheme = live_jobs_emulator.url.split("//", 1)[1], "http"
        service.set_ak(access_key)
        service.set_sk(secret)
        service.set_session_token(token or "")  # the SDK signs a None token as a header
        return service

    yield make
    info.host, info.scheme = saved[:2]
    service.set_ak(saved[2])
    service.set_sk(saved[3])
    service.set_session_token(saved[4])


def error_of(call):
    """volc-sdk-python raises Exception(response body bytes) on a non-200 answer."""
    with pytest.raises(Exception) as info:
        call()
    return json.loads(info.value.args[0])["ResponseMetadata"]


def test_get_pull_record_task_returns_the_seed_task(volc_client):
    reply = volc_client().get_pull_record_task({"TaskID": "5b903f78c7f5ae*******01f6fe2eea"})
    assert reply["Result"]["Status"] == "生效中"
    assert reply["Result"]["StartTime"] == "2023-10-09T15:16:15+08:00"
    metadata = reply["ResponseMetadata"]
    assert (metadata["Action"], metadata["Version"], metadata["Service"], metadata["Region"]) == (
        "GetPullRecordTask", "2023-01-01", "live", "cn-north-1")
    assert "Error" not in metadata


def test_session_token_is_signed_and_checked(volc_client):
    client = volc_client(VOLC_STS_AK, VOLC_STS_SK, VOLC_SESSION_TOKEN)
    assert client.get_pull_record_task({"TaskID": "evt-pull-001"})["Result"]["TaskId"] == "evt-pull-001"
    client = volc_client(VOLC_STS_AK, VOLC_STS_SK, "STS2notTheRightToken")
    assert error_of(lambda: client.get_pull_record_task({"TaskID": "evt-pull-001"}))["Error"]["Code"] == (
        "InvalidAccessKey")


def test_tampered_secret_is_signature_does_not_match(volc_client):
    client = volc_client(secret="tampered" + VOLC_SK)
    error = error_of(lambda: client.get_pull_record_task({"TaskID": "evt-pull-001"}))["Error"]
    assert (error["Code"], error["CodeN"]) == ("SignatureDoesNotMatch", 100010)


def test_unknown_access_key(volc_client):
    error = error_of(lambda: volc_client(access_key="AKLTunknown").get_pull_record_task({"TaskID": "x"}))["Error"]
    assert (error["Code"], error["CodeN"]) == ("InvalidAccessKey", 100009)


def test_clock_skew_is_invalid_timestamp(volc_client, monkeypatch):
    skewed = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)).strftime("%Y%m%dT%H%M%SZ")
    monkeypatch.setattr(signer_v4.SignerV4, "get_current_format_date", staticmethod(lambda: skewed))
    error = error_of(lambda: volc_client().get_pull_record_task({"TaskID": "evt-pull-001"}))["Error"]
    assert (error["Code"], error["CodeN"]) == ("InvalidTimestamp", 100006)


def test_not_found_and_bad_body(volc_client):
    assert error_of(lambda: volc_client().get_pull_record_task({"TaskID": "nope"}))["Error"]["Code"] == (
        "ResourceNotFound")
    assert error_of(lambda: volc_client().get_pull_record_task({}))["Error"]["Code"] == "InvalidParam"


def test_list_pull_record_task_pagination(volc_client):
    result = volc_client().list_pull_record_task({"PageNum": 2, "PageSize": 4})["Result"]
    assert result["Pagination"] == {"PageCur": 2, "PageSize": 4, "PageTotal": 3, "TotalCount": 11}
    assert len(result["List"]) == 4
    filtered = volc_client().list_pull_record_task({"PageNum": 1, "PageSize": 20, "Stream": "cam3"})["Result"]
    assert [task["TaskId"] for task in filtered["List"]] == ["evt-pull-003"]
    error = error_of(lambda: volc_client().list_pull_record_task({"PageNum": 1, "PageSize": 501}))["Error"]
    assert error["Code"] == "InvalidParam"


def test_throttling_is_429_flow_limit_exceeded(volc_client, live_jobs_emulator):
    live_jobs_emulator.control("POST", "config", {"rate_limits": {"volc_pull_record": 1}})
    client = volc_client()
    client.get_pull_record_task({"TaskID": "evt-pull-001"})
    with pytest.raises(Exception) as info:
        client.get_pull_record_task({"TaskID": "evt-pull-001"})
    error = json.loads(info.value.args[0])["ResponseMetadata"]["Error"]
    assert (error["Code"], error["CodeN"]) == ("FlowLimitExceeded", 100018)
    assert live_jobs_emulator.control("GET", "stats")["throttled"] == {"volc_pull_record": 1}
