"""GET /_emulator/stats: per API id and per limit key tallies, accepted timestamps, and the older counters."""

import time

from emulator_helpers import alibaba_call, huawei_call

SLOW_ICE_RECORD = {"ice_record": 0.2, "ice_record.list": 0.2}  # one call per 5 s each: the second is throttled


def tally(requests=0, accepted=0, throttled=0, signature_failures=0):
    return {"requests": requests, "accepted": accepted, "throttled": throttled,
            "signature_failures": signature_failures}


def counts(entry):
    return {key: value for key, value in entry.items() if not key.endswith("_accepted_at")}


def get_record(url, **kwargs):
    return alibaba_call(url, "GetLiveRecordJob", {"JobId": "evt-rec-001"}, **kwargs).status_code


def list_records(url):
    return alibaba_call(url, "ListLiveRecordJobs", {}).status_code


def test_get_and_list_calls_are_tallied_per_api_and_per_limit_key(emulator_factory):
    handle = emulator_factory(rate_limits=SLOW_ICE_RECORD)
    started = time.time()
    assert [get_record(handle.url), get_record(handle.url), get_record(handle.url, secret="x" * 30)] == [200, 400, 400]
    assert [list_records(handle.url), list_records(handle.url)] == [200, 400]
    finished = time.time()
    stats = handle.control("GET", "stats")
    assert counts(stats["limit_keys"]["ice_record"]) == tally(3, 1, 1, 1)
    assert counts(stats["limit_keys"]["ice_record.list"]) == tally(2, 1, 1, 0)
    assert counts(stats["apis"]["ice_record"]) == tally(5, 2, 2, 1)
    assert (stats["requests"], stats["throttled"], stats["signature_failures"]) == (
        {"ice_record": 5}, {"ice_record": 2}, {"ice_record": 1})
    get_key, list_key, api = (stats["limit_keys"]["ice_record"], stats["limit_keys"]["ice_record.list"],
                              stats["apis"]["ice_record"])
    assert started <= get_key["first_accepted_at"] == get_key["last_accepted_at"] <= list_key["first_accepted_at"]
    assert list_key["last_accepted_at"] <= finished
    assert (api["first_accepted_at"], api["last_accepted_at"]) == (get_key["first_accepted_at"],
                                                                   list_key["last_accepted_at"])


def test_accepted_timestamps_give_the_achieved_rate(live_jobs_emulator):
    started = time.time()
    for attempt in range(4):
        assert get_record(live_jobs_emulator.url) == 200
        time.sleep(0.05)
    entry = live_jobs_emulator.control("GET", "stats")["apis"]["ice_record"]
    assert entry["accepted"] == 4
    assert started < entry["first_accepted_at"] < entry["last_accepted_at"] < time.time()
    assert entry["last_accepted_at"] - entry["first_accepted_at"] >= 0.15


def test_errors_and_faults_count_as_requests_but_only_2xx_as_accepted(live_jobs_emulator):
    url = live_jobs_emulator.url
    live_jobs_emulator.control("POST", "faults", [{"api": "huawei_record", "kind": "status_503"},
                                                  {"api": "huawei_record", "kind": "malformed_json"}])
    assert [huawei_call(url, "evt-app-1", "evt-rtc-001").status_code for attempt in range(3)] == [503, 200, 200]
    assert huawei_call(url, "evt-app-1", "no-such-job").status_code == 404
    assert huawei_call(url, "evt-app-1", "evt-rtc-001", secret="x" * 40).status_code == 401
    entry = live_jobs_emulator.control("GET", "stats")["limit_keys"]["huawei_record"]
    assert counts(entry) == tally(5, 2, 0, 1)


def test_calls_without_an_api_id_are_not_tallied_and_reset_clears(live_jobs_emulator):
    reply = alibaba_call(live_jobs_emulator.url, "DescribeRegions", {})
    assert reply.status_code == 404
    stats = live_jobs_emulator.control("GET", "stats")
    assert (stats["apis"], stats["limit_keys"], stats["requests"]) == ({}, {}, {})
    assert stats["errors"] == {"alibaba:unknown_action": 1}
    assert get_record(live_jobs_emulator.url) == 200
    assert live_jobs_emulator.control("GET", "stats")["apis"]["ice_record"]["accepted"] == 1
    live_jobs_emulator.control("POST", "reset")
    assert live_jobs_emulator.control("GET", "stats")["apis"] == {}


def test_untouched_entries_have_no_accepted_times(live_jobs_emulator):
    live_jobs_emulator.control("POST", "faults", {"api": "ice_snapshot", "kind": "status_500"})
    alibaba_call(live_jobs_emulator.url, "GetLiveSnapshotJob", {"JobId": "evt-snap-001"})
    entry = live_jobs_emulator.control("GET", "stats")["apis"]["ice_snapshot"]
    assert entry == dict(tally(requests=1), first_accepted_at=None, last_accepted_at=None)
