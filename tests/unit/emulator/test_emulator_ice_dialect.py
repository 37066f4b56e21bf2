"""ICE's IMS error dialect (vendor-apis.md section 7): setting, CLI flag, control API, reset and throttle_ims."""

import os
import signal
import subprocess
import sys

import pytest
import requests

from ansible_collections.mediaops.live_jobs.emulator.fixture import read_document
from emulator_helpers import LIVE_VERSION, alibaba_call, huawei_call, volcengine_call

IMS_THROTTLED = (403, "RequestsTooFrequent", "Requests are too frequent")
GATEWAY_THROTTLED = (400, "Throttling.User", "Request was denied due to user flow control.")
GATEWAY_NOT_FOUND = (404, "JobNotFound", "No such job.")


def answer(reply):
    body = reply.json()
    return reply.status_code, body["Code"], body["Message"]


def get_job(url, action="GetLiveRecordJob", job_id="evt-rec-001"):
    return alibaba_call(url, action, {"JobId": job_id})


def throttled_answers(url, action, params, calls=2):
    """The answer to the last of `calls` back-to-back calls (the limit is 1 per 5 s, so the second is throttled)."""
    replies = [alibaba_call(url, action, params) for attempt in range(calls)]
    return answer(replies[-1])


def ims_fixture(dialect="ims"):
    return dict(read_document(None), ice_error_dialect=dialect,
                rate_limits={key: 0.2 for key in ("ice_record", "ice_record.list", "ice_snapshot",
                                                  "ice_snapshot.list", "live_edge_transcode")})


@pytest.mark.parametrize("action, params", [
    ("GetLiveRecordJob", {"JobId": "evt-rec-001"}), ("ListLiveRecordJobs", {}),
    ("GetLiveSnapshotJob", {"JobId": "evt-snap-001"}), ("ListLiveSnapshotJobs", {}),
])
def test_ims_dialect_throttles_get_and_list_with_requests_too_frequent(emulator_factory, action, params):
    handle = emulator_factory(ims_fixture())
    assert throttled_answers(handle.url, action, params) == IMS_THROTTLED
    assert handle.control("GET", "stats")["throttled"] == {action_api(action): 1}


def action_api(action):
    return "ice_snapshot" if "Snapshot" in action else "ice_record"


@pytest.mark.parametrize("action", ["GetLiveRecordJob", "GetLiveSnapshotJob"])
def test_ims_dialect_not_found_is_resource_not_found(emulator_factory, action):
    handle = emulator_factory(ims_fixture())
    status, code, _message = answer(get_job(handle.url, action, "no-such-job"))
    assert (status, code) == (404, "ResourceNotFound")


def test_ims_dialect_leaves_live_and_other_ice_errors_alone(emulator_factory):
    handle = emulator_factory(ims_fixture())
    edge = {"ClusterId": "evt-cluster-1", "JobId": "evt-edge-001"}
    replies = [alibaba_call(handle.url, "GetEdgeTranscodeJob", edge, LIVE_VERSION, "POST") for attempt in range(2)]
    assert answer(replies[-1]) == GATEWAY_THROTTLED
    reply = alibaba_call(handle.url, "GetLiveRecordJob", {})
    assert answer(reply)[:2] == (400, "MissingParameter")
    forged = alibaba_call(handle.url, "GetLiveRecordJob", {"JobId": "evt-rec-001"}, secret="x" * 30)
    assert answer(forged)[:2] == (400, "SignatureDoesNotMatch")


def test_gateway_dialect_is_the_default(emulator_factory):
    handle = emulator_factory(ims_fixture("gateway"))
    assert handle.control("GET", "config")["ice_error_dialect"] == "gateway"
    assert answer(get_job(handle.url, job_id="no-such-job")) == GATEWAY_NOT_FOUND
    assert throttled_answers(handle.url, "GetLiveRecordJob", {"JobId": "evt-rec-001"}) == GATEWAY_THROTTLED


def test_control_api_switches_the_dialect_and_reset_restores_the_start_value(emulator_factory):
    handle = emulator_factory(ice_error_dialect="gateway")
    assert handle.control("POST", "config", {"ice_error_dialect": "ims"})["ice_error_dialect"] == "ims"
    assert handle.control("GET", "config")["ice_error_dialect"] == "ims"
    assert answer(get_job(handle.url, job_id="no-such-job"))[1] == "ResourceNotFound"
    handle.control("POST", "reset")
    assert handle.control("GET", "config")["ice_error_dialect"] == "gateway"
    assert answer(get_job(handle.url, job_id="no-such-job")) == GATEWAY_NOT_FOUND


def test_reset_restores_the_fixture_dialect(emulator_factory):
    handle = emulator_factory(ims_fixture())
    handle.control("POST", "config", {"ice_error_dialect": "gateway"})
    handle.control("POST", "reset")
    assert handle.control("GET", "config")["ice_error_dialect"] == "ims"


def test_unknown_dialect_is_refused_and_changes_nothing(live_jobs_emulator):
    reply = requests.post(live_jobs_emulator.url + "/_emulator/config",
                          json={"ice_error_dialect": "imss", "latency_ms": 5}, timeout=5)
    assert reply.status_code == 400 and "ice_error_dialect" in reply.json()["error"]
    config = live_jobs_emulator.control("GET", "config")
    assert (config["ice_error_dialect"], config["latency_ms"]) == ("gateway", 0)
    with pytest.raises(ValueError):
        live_jobs_emulator.emulator.settings.update(ice_error_dialect="IMS")


def test_throttle_ims_fault_on_ice_whatever_the_dialect(live_jobs_emulator):
    live_jobs_emulator.control("POST", "faults", {"api": "ice_snapshot", "kind": "throttle_ims"})
    assert answer(get_job(live_jobs_emulator.url, "GetLiveSnapshotJob", "evt-snap-001")) == IMS_THROTTLED
    assert get_job(live_jobs_emulator.url, "GetLiveSnapshotJob", "evt-snap-001").status_code == 200
    stats = live_jobs_emulator.control("GET", "stats")
    assert (stats["faults_fired"], stats["throttled"]) == ({"throttle_ims": 1}, {"ice_snapshot": 1})


def test_throttle_ims_fault_elsewhere_is_the_vendors_normal_throttle(live_jobs_emulator):
    url = live_jobs_emulator.url
    live_jobs_emulator.control("POST", "faults", {"api": "*", "kind": "throttle_ims", "count": 3})
    edge = alibaba_call(url, "GetEdgeTranscodeJob", {"ClusterId": "evt-cluster-1", "JobId": "evt-edge-001"},
                        LIVE_VERSION, "POST")
    assert answer(edge) == GATEWAY_THROTTLED
    volc = volcengine_call(url, "GetPullRecordTask", {"TaskID": "evt-pull-001"})
    assert (volc.status_code, volc.json()["ResponseMetadata"]["Error"]["Code"]) == (429, "FlowLimitExceeded")
    huawei = huawei_call(url, "evt-app-1", "evt-rtc-001")
    assert (huawei.status_code, huawei.json()["error_code"]) == (429, "APIG.0308")


def test_cli_flag_sets_the_dialect(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    process = subprocess.Popen([sys.executable, "-m", "ansible_collections.mediaops.live_jobs.emulator", "--port", "0",
                                "--ice-error-dialect", "ims"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True)
    try:
        url = process.stdout.readline().strip()
        assert requests.get(url + "/_emulator/config", timeout=5).json()["ice_error_dialect"] == "ims"
        assert answer(get_job(url, job_id="no-such-job"))[:2] == (404, "ResourceNotFound")
        requests.post(url + "/_emulator/reset", timeout=5)
        assert requests.get(url + "/_emulator/config", timeout=5).json()["ice_error_dialect"] == "ims"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
