"""The /_emulator/ control API and the command line."""

import os
import signal
import subprocess
import sys
import time

import requests

from emulator_helpers import alibaba_call, huawei_call, volcengine_call


def record_status(url, job_id):
    return alibaba_call(url, "GetLiveRecordJob", {"JobId": job_id}).json()["RecordJob"]["Status"]


def test_status_flip_after_delay(live_jobs_emulator):
    reply = live_jobs_emulator.control("POST", "jobs/ice_record/evt-rec-008",
                                       {"status": "started", "after_seconds": 0.3, "fields": {"Name": "now live"}})
    assert reply["updates"] == {"Name": "now live", "Status": "started"}
    assert record_status(live_jobs_emulator.url, "evt-rec-008") == "initial"
    time.sleep(0.35)
    assert record_status(live_jobs_emulator.url, "evt-rec-008") == "started"
    live_jobs_emulator.control("POST", "jobs/huawei_record/evt-rtc-008", {"status": "RUNNING"})
    assert huawei_call(live_jobs_emulator.url, "evt-app-1", "evt-rtc-008").json()["state"] == "RUNNING"


def test_upsert_reset_and_stats(live_jobs_emulator):
    task = {"TaskId": "new-task", "Status": "未开始", "StartTime": "2030-01-01T00:00:00Z", "App": "live"}
    assert live_jobs_emulator.control("PUT", "jobs/volc_pull_record", [task]) == {"upserted": 1}
    reply = volcengine_call(live_jobs_emulator.url, "GetPullRecordTask", {"TaskID": "new-task"})
    assert reply.json()["Result"] == task
    stats = live_jobs_emulator.control("GET", "stats")
    assert stats["requests"] == {"volc_pull_record": 1}
    live_jobs_emulator.control("POST", "reset")
    assert live_jobs_emulator.control("GET", "stats")["requests"] == {}
    assert volcengine_call(live_jobs_emulator.url, "GetPullRecordTask", {"TaskID": "new-task"}).status_code == 404


def test_control_errors_and_health(live_jobs_emulator):
    assert live_jobs_emulator.control("GET", "health")["jobs"]["ice_record"] == 11
    reply = requests.post(live_jobs_emulator.url + "/_emulator/jobs/ice_record/nope", json={"status": "x"}, timeout=5)
    assert reply.status_code == 404
    reply = requests.post(live_jobs_emulator.url + "/_emulator/faults", json={"kind": "nonsense"}, timeout=5)
    assert reply.status_code == 400


def test_config_disables_rate_limits(emulator_factory):
    handle = emulator_factory(rate_limits={"ice_record": 1})
    handle.control("POST", "config", {"rate_limit_enabled": False, "latency_ms": 0})
    assert [alibaba_call(handle.url, "GetLiveRecordJob", {"JobId": "evt-rec-001"}).status_code
            for attempt in range(5)] == [200] * 5


def test_cli_prints_url_first_and_exits_zero_on_sigterm(tmp_path):
    url_file = tmp_path / "url"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    process = subprocess.Popen([sys.executable, "-m", "ansible_collections.mediaops.live_jobs.emulator", "--port", "0",
                                "--url-file", str(url_file), "--rate-limit", "ice_record=5", "--no-rate-limit"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert url_file.read_text().strip() == url
        assert requests.get(url + "/_emulator/health", timeout=5).json()["status"] == "ok"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
