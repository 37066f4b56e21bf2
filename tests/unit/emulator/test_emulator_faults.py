"""Every fault kind is observable on the wire with plain requests / sockets."""

import time

import pytest
import requests

from emulator_helpers import alibaba_call, huawei_call, volcengine_call


def get_record(url, job_id="evt-rec-001", **kwargs):
    return alibaba_call(url, "GetLiveRecordJob", {"JobId": job_id}, **kwargs)


def add_fault(handle, **rule):
    handle.control("POST", "faults", rule)


@pytest.mark.parametrize("kind, status, code", [
    ("status_500", 500, "InternalError"), ("status_502", 502, "InternalError"),
    ("status_503", 503, "ServiceUnavailable"), ("status_504", 504, "ServiceUnavailable"),
    ("throttle", 400, "Throttling.User"), ("signature_mismatch", 400, "SignatureDoesNotMatch"),
    ("clock_skew", 400, "InvalidTimeStamp.Expired"),
])
def test_alibaba_error_faults_fire_once_in_vendor_shape(live_jobs_emulator, kind, status, code):
    add_fault(live_jobs_emulator, api="ice_record", kind=kind)
    reply = get_record(live_jobs_emulator.url)
    assert (reply.status_code, reply.json()["Code"]) == (status, code)
    assert set(reply.json()) == {"RequestId", "HostId", "Code", "Message", "Recommend"}
    assert get_record(live_jobs_emulator.url).status_code == 200
    assert live_jobs_emulator.control("GET", "stats")["faults_fired"] == {kind: 1}


@pytest.mark.parametrize("kind, status, code", [
    ("status_500", 500, "InternalError"), ("status_502", 502, "InternalServiceError"),
    ("status_504", 504, "InternalServiceTimeout"), ("throttle", 429, "FlowLimitExceeded"),
    ("common_err", 200, "CommonErr"),
])
def test_volcengine_error_faults(live_jobs_emulator, kind, status, code):
    add_fault(live_jobs_emulator, api="volc_pull_record", job_id="evt-pull-002", kind=kind)
    assert volcengine_call(live_jobs_emulator.url, "GetPullRecordTask", {"TaskID": "evt-pull-001"}).status_code == 200
    reply = volcengine_call(live_jobs_emulator.url, "GetPullRecordTask", {"TaskID": "evt-pull-002"})
    assert (reply.status_code, reply.json()["ResponseMetadata"]["Error"]["Code"]) == (status, code)
    assert "Result" not in reply.json()


@pytest.mark.parametrize("kind, status, code", [
    ("status_500", 500, "RTC.00002001"), ("status_502", 502, "APIG.0201"), ("status_504", 504, "APIG.0201"),
    ("throttle", 429, "APIG.0308"),
])
def test_huawei_error_faults(live_jobs_emulator, kind, status, code):
    add_fault(live_jobs_emulator, api="huawei_record", kind=kind)
    reply = huawei_call(live_jobs_emulator.url, "evt-app-1", "evt-rtc-001")
    assert (reply.status_code, reply.json()["error_code"]) == (status, code)
    assert reply.headers["X-Request-Id"]


def test_latency_fault_with_jitter_then_normal(live_jobs_emulator):
    add_fault(live_jobs_emulator, api="*", kind="latency", latency_ms=300, jitter_ms=50)
    started = time.monotonic()
    assert get_record(live_jobs_emulator.url).status_code == 200
    assert time.monotonic() - started >= 0.24


def test_html_and_malformed_json(live_jobs_emulator):
    add_fault(live_jobs_emulator, api="ice_record", kind="html")
    reply = get_record(live_jobs_emulator.url)
    assert reply.status_code == 502 and reply.headers["Content-Type"].startswith("text/html")
    assert b"502 Bad Gateway" in reply.content
    add_fault(live_jobs_emulator, api="ice_record", kind="malformed_json")
    reply = get_record(live_jobs_emulator.url)
    assert reply.status_code == 200
    with pytest.raises(ValueError):
        reply.json()


def test_truncated_body(live_jobs_emulator):
    add_fault(live_jobs_emulator, api="ice_record", kind="truncated")
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        get_record(live_jobs_emulator.url)


def test_connection_reset(live_jobs_emulator):
    add_fault(live_jobs_emulator, api="ice_record", kind="reset")
    with pytest.raises(requests.exceptions.ConnectionError):
        get_record(live_jobs_emulator.url)


def test_read_timeout_is_aborted_at_shutdown(emulator_factory):
    handle = emulator_factory(timeout_fault_seconds=30)
    add_fault(handle, api="ice_record", kind="timeout")
    with pytest.raises(requests.exceptions.ReadTimeout):
        get_record(handle.url, timeout=0.5)
    started = time.monotonic()
    handle.stop()
    assert time.monotonic() - started < 5


def test_unknown_status_and_per_job_targeting(live_jobs_emulator):
    add_fault(live_jobs_emulator, api="ice_record", job_id="evt-rec-002", kind="unknown_status", count=-1)
    assert get_record(live_jobs_emulator.url).json()["RecordJob"]["Status"] == "started"
    for attempt in range(2):
        assert get_record(live_jobs_emulator.url, "evt-rec-002").json()["RecordJob"]["Status"] == "stopped"
    live_jobs_emulator.control("DELETE", "faults")
    assert get_record(live_jobs_emulator.url, "evt-rec-002").json()["RecordJob"]["Status"] == "started"


def test_fault_count_and_config_latency(emulator_factory):
    handle = emulator_factory(faults=[{"api": "ice_record", "kind": "status_503", "count": 2}])
    assert [get_record(handle.url).status_code for attempt in range(3)] == [503, 503, 200]
