"""The emulator accepts what the official Alibaba SDKs send (V3 and V1, with and without STS) and refuses forgeries."""

import time

import pytest

from emulator_helpers import ALIBABA_AK, ALIBABA_SK, ALIBABA_STS_AK, ALIBABA_STS_SK, ALIBABA_STS_TOKEN

ice_client = pytest.importorskip("alibabacloud_ice20201109.client")
ice_models = pytest.importorskip("alibabacloud_ice20201109.models")
live_client = pytest.importorskip("alibabacloud_live20161101.client")
live_models = pytest.importorskip("alibabacloud_live20161101.models")
openapi_models = pytest.importorskip("alibabacloud_tea_openapi.models")
openapi_utils = pytest.importorskip("alibabacloud_tea_openapi.utils")

SIGNATURES = ["v3", "v1"]


def config(url, signature="v3", sts=False, secret=None, access_key=None):
    cfg = openapi_models.Config(access_key_id=access_key or (ALIBABA_STS_AK if sts else ALIBABA_AK),
                                access_key_secret=secret or (ALIBABA_STS_SK if sts else ALIBABA_SK),
                                security_token=ALIBABA_STS_TOKEN if sts else None,
                                endpoint=url.split("//", 1)[1], protocol="http", read_timeout=5000)
    if signature == "v1":
        cfg.signature_algorithm = "v2"  # the SDK's name for RPC signature V1 (HMAC-SHA1)
    return cfg


def ice(url, **kwargs):
    return ice_client.Client(config(url, **kwargs))


def live(url, **kwargs):
    return live_client.Client(config(url, **kwargs))


def raised(call):
    with pytest.raises(Exception) as info:
        call()
    return info.value


@pytest.mark.parametrize("signature", SIGNATURES)
@pytest.mark.parametrize("sts", [False, True])
def test_get_calls_succeed_with_seed_data(live_jobs_emulator, signature, sts):
    url = live_jobs_emulator.url
    record = ice(url, signature=signature, sts=sts).get_live_record_job(
        ice_models.GetLiveRecordJobRequest(job_id="ab0e3e76-1e9d-11ed-ba64-0c42a1b73d66")).body
    assert record.record_job.status == "paused"
    assert record.record_job.name == "Live event recording task 1"
    assert record.request_id and record.request_id == record.request_id.upper()
    snapshot = ice(url, signature=signature, sts=sts).get_live_snapshot_job(
        ice_models.GetLiveSnapshotJobRequest(job_id="****a046-263c-3560-978a-fb287782****")).body
    assert (snapshot.status, snapshot.time_interval) == ("started", 5)
    edge = live(url, signature=signature, sts=sts).get_edge_transcode_job(live_models.GetEdgeTranscodeJobRequest(
        cluster_id="******3b-4d18-395c-8106-ff21a6******", job_id="****20b48fb04483915d4f2cd8ac****")).body
    assert (edge.job.status, edge.job.last_start_at) == ("0", "2023-07-25T02:48:58Z")


@pytest.mark.parametrize("signature", SIGNATURES)
def test_tampered_secret_is_rejected(live_jobs_emulator, signature):
    error = raised(lambda: ice(live_jobs_emulator.url, signature=signature, secret="x" * 30).get_live_record_job(
        ice_models.GetLiveRecordJobRequest(job_id="evt-rec-001")))
    assert (error.code, error.status_code) == ("SignatureDoesNotMatch", 400)
    assert error.data["Message"] == "Specified signature is not matched with our calculation."
    assert live_jobs_emulator.control("GET", "stats")["signature_failures"] == {"ice_record": 1}


def test_unknown_access_key_and_wrong_sts_token_are_rejected(live_jobs_emulator):
    error = raised(lambda: ice(live_jobs_emulator.url, access_key="LTAI5tUnknownKey").get_live_record_job(
        ice_models.GetLiveRecordJobRequest(job_id="evt-rec-001")))
    assert (error.code, error.status_code) == ("InvalidAccessKeyId.NotFound", 404)
    cfg = config(live_jobs_emulator.url, sts=True)
    cfg.security_token = "CAISsomeoneElsesToken"
    error = raised(lambda: ice_client.Client(cfg).get_live_record_job(
        ice_models.GetLiveRecordJobRequest(job_id="evt-rec-001")))
    assert error.code == "InvalidSecurityToken.MismatchWithAccessKey"


@pytest.mark.parametrize("signature", SIGNATURES)
def test_clock_skew_of_twenty_minutes_is_rejected(live_jobs_emulator, monkeypatch, signature):
    skewed = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 20 * 60))
    monkeypatch.setattr(openapi_utils.Utils, "get_timestamp", staticmethod(lambda: skewed))
    error = raised(lambda: ice(live_jobs_emulator.url, signature=signature).get_live_record_job(
        ice_models.GetLiveRecordJobRequest(job_id="evt-rec-001")))
    assert (error.code, error.status_code) == ("InvalidTimeStamp.Expired", 400)


@pytest.mark.parametrize("signature", SIGNATURES)
def test_nonce_reuse_is_rejected(live_jobs_emulator, monkeypatch, signature):
    monkeypatch.setattr(openapi_utils.Utils, "get_nonce", staticmethod(lambda: "emulator-fixed-nonce-" + signature))
    client = ice(live_jobs_emulator.url, signature=signature)
    request = ice_models.GetLiveRecordJobRequest(job_id="evt-rec-001")
    assert client.get_live_record_job(request).body.record_job.job_id == "evt-rec-001"
    error = raised(lambda: client.get_live_record_job(request))
    assert (error.code, error.status_code) == ("SignatureNonceUsed", 400)


def test_not_found_codes(live_jobs_emulator):
    url = live_jobs_emulator.url
    error = raised(lambda: ice(url).get_live_snapshot_job(ice_models.GetLiveSnapshotJobRequest(job_id="nope")))
    assert (error.code, error.status_code, error.data["Message"]) == ("JobNotFound", 404, "No such job.")
    error = raised(lambda: live(url).get_edge_transcode_job(live_models.GetEdgeTranscodeJobRequest(
        cluster_id="another-cluster", job_id="evt-edge-001")))
    assert (error.code, error.status_code) == ("JobNotFound", 404)
    assert error.data["HostId"] == "live.aliyuncs.com"
    assert "Recommend" in error.data


def test_missing_cluster_id_is_missing_parameter(live_jobs_emulator):
    error = raised(lambda: live(live_jobs_emulator.url).get_edge_transcode_job(
        live_models.GetEdgeTranscodeJobRequest(job_id="evt-edge-001")))
    assert (error.code, error.status_code) == ("MissingParameter", 400)


def test_throttling_over_a_small_configured_limit(emulator_factory):
    handle = emulator_factory(rate_limits={"ice_record": 2})
    client = ice(handle.url)
    request = ice_models.GetLiveRecordJobRequest(job_id="evt-rec-001")
    client.get_live_record_job(request)
    client.get_live_record_job(request)
    error = raised(lambda: client.get_live_record_job(request))
    assert (error.code, error.status_code) == ("Throttling.User", 400)
    assert error.data["Message"] == "Request was denied due to user flow control."
    assert handle.control("GET", "stats")["throttled"] == {"ice_record": 1}


@pytest.mark.parametrize("signature", SIGNATURES)
def test_list_calls(live_jobs_emulator, signature):
    url = live_jobs_emulator.url
    records = ice(url, signature=signature).list_live_record_jobs(
        ice_models.ListLiveRecordJobsRequest(status="started", page_size=2, sort_by="asc")).body
    assert (records.total_count, records.page_no, records.page_size, records.sort_by) == (4, 1, 2, "asc")
    assert [job.job_id for job in records.live_record_jobs] == ["evt-rec-004", "evt-rec-003"]
    snapshots = ice(url, signature=signature).list_live_snapshot_jobs(
        ice_models.ListLiveSnapshotJobsRequest(search_key_word="camera 1 ", page_size=5)).body
    assert [job.job_id for job in snapshots.job_list] == ["evt-snap-001"]
    edges = live(url, signature=signature).list_edge_transcode_job(
        live_models.ListEdgeTranscodeJobRequest(cluster_id="evt-cluster-1", status=1, page_size=3)).body
    assert edges.total_count == 5 and len(edges.job_list.job) == 3
    assert {job.status for job in edges.job_list.job} == {"1"}
