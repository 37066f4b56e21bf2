"""List calls paginate and filter as documented (vendor-apis.md 2.9 and 3.6)."""

from datetime import datetime, timedelta, timezone

import pytest

from ansible_collections.mediaops.live_jobs.emulator.fixture import read_document
from emulator_helpers import LIVE_VERSION, alibaba_call, volcengine_call

ALIBABA_TIME = "%Y-%m-%dT%H:%M:%SZ"


@pytest.fixture
def generated(emulator_factory):
    """The default fixture plus 45 generated jobs per API, spread over the last 90 days."""
    document = dict(read_document(None), generate={api: 45 for api in (
        "ice_record", "ice_snapshot", "live_edge_transcode", "volc_pull_record", "huawei_record")})
    return emulator_factory(document)


def iso(delta_days):
    return (datetime.now(timezone.utc) - timedelta(days=delta_days)).strftime(ALIBABA_TIME)


def test_list_live_record_jobs_pages_and_totals(generated):
    first = alibaba_call(generated.url, "ListLiveRecordJobs", {"PageSize": "20"}).json()
    assert (first["TotalCount"], first["PageNo"], first["PageSize"], first["SortBy"]) == (56, 1, 20, "desc")
    last = alibaba_call(generated.url, "ListLiveRecordJobs", {"PageSize": "20", "PageNo": "3"}).json()
    assert len(last["LiveRecordJobs"]) == 16
    created = [job["CreateTime"] for job in first["LiveRecordJobs"]]
    assert created == sorted(created, reverse=True)


def test_list_live_record_jobs_limits(generated):
    too_big = alibaba_call(generated.url, "ListLiveRecordJobs", {"PageSize": "101"})
    assert (too_big.status_code, too_big.json()["Code"]) == (400, "InvalidParameter")
    wide = alibaba_call(generated.url, "ListLiveRecordJobs", {"StartTime": iso(40), "EndTime": iso(0)})
    assert (wide.status_code, wide.json()["Code"]) == (400, "InvalidParameter")


def test_list_live_record_jobs_window_keyword_status(generated):
    window = alibaba_call(generated.url, "ListLiveRecordJobs", {"StartTime": iso(30), "EndTime": iso(0),
                                                                "PageSize": "100"}).json()
    assert 10 < window["TotalCount"] < 56
    by_id = alibaba_call(generated.url, "ListLiveRecordJobs", {"Keyword": "evt-rec-007"}).json()
    assert [job["JobId"] for job in by_id["LiveRecordJobs"]] == ["evt-rec-007"]
    paused = alibaba_call(generated.url, "ListLiveRecordJobs", {"Status": "paused", "PageSize": "100"}).json()
    assert {job["Status"] for job in paused["LiveRecordJobs"]} == {"paused"}


def test_list_live_snapshot_jobs_defaults_to_last_seven_days(generated):
    reply = alibaba_call(generated.url, "ListLiveSnapshotJobs", {"PageSize": "100"}).json()
    assert all(job["CreateTime"] >= iso(7) for job in reply["JobList"])
    assert set(reply["JobList"][0]) <= {"CreateTime", "JobId", "JobName", "SnapshotOutput", "Status", "TemplateId",
                                        "TemplateName", "TimeInterval"}
    assert alibaba_call(generated.url, "ListLiveSnapshotJobs", {"PageSize": "0"}).json()["Code"] == (
        "InvalidParameter")


def test_list_edge_transcode_job_wraps_jobs(generated):
    reply = alibaba_call(generated.url, "ListEdgeTranscodeJob", {"ClusterId": "gen-cluster-1", "PageSize": "10",
                                                                 "Type": "common"}, version=LIVE_VERSION,
                         method="POST").json()
    assert reply["TotalCount"] == 15
    assert set(reply) == {"JobList", "TotalCount", "RequestId"}
    assert len(reply["JobList"]["Job"]) == 10 and "cluster_id" not in reply["JobList"]["Job"][0]
    missing = alibaba_call(generated.url, "ListEdgeTranscodeJob", {}, version=LIVE_VERSION, method="POST")
    assert (missing.status_code, missing.json()["Code"]) == (400, "MissingParameter")


def test_list_pull_record_task_pagination(generated):
    reply = volcengine_call(generated.url, "ListPullRecordTask", {"PageNum": 3, "PageSize": 25}).json()
    assert reply["Result"]["Pagination"] == {"PageCur": 3, "PageSize": 25, "PageTotal": 3, "TotalCount": 56}
    assert len(reply["Result"]["List"]) == 6
    bad = volcengine_call(generated.url, "ListPullRecordTask", {"PageNum": 0, "PageSize": 10})
    assert (bad.status_code, bad.json()["ResponseMetadata"]["Error"]["Code"]) == (400, "InvalidParam")
