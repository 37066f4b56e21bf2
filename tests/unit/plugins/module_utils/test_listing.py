# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""List mode and List-backed batches (_listing.py), against the in-process emulator with generated jobs."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from ansible.module_utils.testing import patch_module_args

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _listing
from ansible_collections.mediaops.live_jobs.plugins.module_utils._credentials import resolve_credentials
from ansible_collections.mediaops.live_jobs.plugins.module_utils._descriptors import Scope
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import OptionError
from ansible_collections.mediaops.live_jobs.plugins.module_utils._fetch import JobFetcher
from ansible_collections.mediaops.live_jobs.plugins.module_utils._list_options import ListFilters, check_list_options, parse_time
from ansible_collections.mediaops.live_jobs.plugins.module_utils._listing import Lister, matches, time_windows
from ansible_collections.mediaops.live_jobs.plugins.module_utils._pacing import RateLimiter
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import Transport
from ansible_collections.mediaops.live_jobs.plugins.modules import edge_transcode_job_info

GENERATED = 234
UTC = timezone.utc
CREDENTIALS = {
    "alibaba": dict(access_key="LTAI5tEmuLat0rAcc3ssKey01", secret_key="EmuLat0rS3cr3tF0rL1veJ0bsAcc01", region="cn-shanghai"),
    "volcengine": dict(access_key="AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ", secret_key="RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx"),
}
SCOPES = {"live_edge_transcode": Scope(region="cn-shanghai", cluster_id="gen-cluster-1")}
# the List descriptor of each API that has a List call (issue 12: it lives in the API's file, as api.listing)
LIST_APIS = {name: api.listing for name, api in APIS.items() if api.listing is not None}


@pytest.fixture(scope="module")
def emulator():
    from ansible_collections.mediaops.live_jobs.emulator import pytest_plugin

    default = os.path.join(os.path.dirname(pytest_plugin.__file__), "data", "default.yml")
    with open(default, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    document["generate"] = {api: GENERATED for api in LIST_APIS}
    with pytest_plugin.start_emulator(document, rate_limit_enabled=False) as handle:
        yield handle


def make(emulator, api_name, use_list="auto", get_rate=1000.0, list_rate=1000.0, max_workers=4):
    """(fetcher with lister, lister, transport) for one API against the emulator."""
    api = APIS[api_name]
    params = dict(CREDENTIALS[api.vendor.name])
    credentials = resolve_credentials(api.vendor, params, environ={})
    scope = SCOPES.get(api_name, Scope(region=credentials.region))
    transport = Transport(timeout=10, retries=0, rate_limiter=RateLimiter(get_rate))
    host = emulator.url.split("://", 1)[1]
    client = api.vendor.make_client(transport, credentials, emulator.url, host, now, nonce, {})
    list_client = api.vendor.make_client(transport.with_rate_limiter(RateLimiter(list_rate)), credentials, emulator.url, host, now, nonce, {})
    lister = Lister(api, list_client, scope, max_workers, get_rate, list_rate, use_list)
    return JobFetcher(api, client, scope, max_workers, batch_lister=lambda count: lister), lister, transport


def now():
    return datetime.now(UTC)


def nonce():
    return os.urandom(16).hex()


def without_request_ids(jobs):
    return [{key: value for key, value in job.items() if key != "request_id"} for job in jobs]


def generated_ids(api, numbers):
    return [f"gen-{api}-{number:04d}" for number in numbers]


# --- list mode: pagination -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("api", sorted(LIST_APIS))
def test_list_mode_follows_pagination_to_the_end(emulator, api):
    dummy_fetcher, lister, transport = make(emulator, api)
    jobs, warnings = lister.list_jobs(ListFilters(), datetime.now(UTC))
    ids = [job["job_id"] for job in jobs]
    assert len(ids) == len(set(ids))
    assert set(generated_ids(api, range(1, GENERATED + 1))) <= set(ids)
    assert warnings == [] or all("unknown" not in warning for warning in warnings)
    desc = LIST_APIS[api]
    windows = len(time_windows(desc, ListFilters(), datetime.now(UTC)))
    assert transport.stats.requests >= windows  # at least one call per window
    if desc.window is None or desc.window == "optional":
        # one window: exactly ceil(total / max page size) calls
        assert transport.stats.requests == -(-len(ids) // desc.max_page_size)


@pytest.mark.parametrize("api", sorted(LIST_APIS))
def test_list_items_normalize_exactly_like_get(emulator, api):
    fetcher, lister, dummy_transport = make(emulator, api, use_list="never")
    listed, dummy_warnings = lister.list_jobs(ListFilters(), datetime.now(UTC))
    listed = {job["job_id"]: job for job in listed}
    ids = generated_ids(api, (1, 2, 3, 50, GENERATED))
    got = fetcher.fetch_many(ids).jobs
    if api == "ice_snapshot":
        # ListLiveSnapshotJobs items carry only the documented list fields: the shared fields are equal
        for job in got:
            item = listed[job["job_id"]]
            assert dict(item["details"]) == {k: job["details"][k] for k in item["details"]}
            assert (item["status"], item["name"], item["created_at"]) == (job["status"], job["name"], job["created_at"])
            assert item["input_url"] is None and item["updated_at"] is None
    else:
        assert without_request_ids(got) == without_request_ids([listed[job_id] for job_id in ids])


# --- list mode: filters ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("api, status", [
    ("ice_record", "running"), ("ice_record", "pending"), ("ice_snapshot", "paused"), ("live_edge_transcode", "running"),
    ("live_edge_transcode", "stopped"), ("volc_pull_record", "finished"),
])
def test_status_filter(emulator, api, status):
    dummy_fetcher, lister, dummy_transport = make(emulator, api)
    everything, dummy_warnings = lister.list_jobs(ListFilters(), datetime.now(UTC))
    selected, dummy_warnings = lister.list_jobs(ListFilters(statuses=(status,)), datetime.now(UTC))
    assert selected and all(job["status"] == status for job in selected)
    assert [job["job_id"] for job in selected] == [job["job_id"] for job in everything if job["status"] == status]


def test_status_filter_is_sent_to_the_vendor_when_it_maps_to_one_value():
    edge = APIS["live_edge_transcode"]
    assert _listing._raw_status(edge, ("running",)) == "1"  # pylint: disable=protected-access
    assert _listing._raw_status(edge, ("pending", "stopped")) == "0"  # pylint: disable=protected-access
    assert _listing._raw_status(edge, ("running", "stopped")) is None  # pylint: disable=protected-access
    assert _listing._raw_status(APIS["ice_snapshot"], ("pending",)) == "init"  # pylint: disable=protected-access
    assert _listing._raw_status(APIS["volc_pull_record"], ("running",)) is None  # pylint: disable=protected-access


def test_ice_status_filter_values_come_from_the_status_map():
    # ICE declares no status_values: the raw value of a wanted status is the status_map entry that gives it
    assert _listing._raw_status(APIS["ice_record"], ("running",)) == "started"  # pylint: disable=protected-access
    assert _listing._raw_status(APIS["ice_record"], ("pending",)) == "initial"  # pylint: disable=protected-access
    assert _listing._raw_status(APIS["ice_record"], ("pending", "running")) is None  # pylint: disable=protected-access
    assert _listing._raw_status(APIS["ice_snapshot"], ("finished",)) is None  # pylint: disable=protected-access


@pytest.mark.parametrize("api, name, expected", [
    ("ice_record", "record job 12", {"gen-ice_record-0012"} | {f"gen-ice_record-{n:04d}" for n in range(120, 130)}),
    ("ice_snapshot", "snapshot job 7", {"gen-ice_snapshot-0007"} | {f"gen-ice_snapshot-{n:04d}" for n in range(70, 80)}),
    ("live_edge_transcode", "gen-live_edge_transcode-0003", {"gen-live_edge_transcode-0003"}),
    ("volc_pull_record", "gen_stream_23", {"gen-volc_pull_record-0023"} | {f"gen-volc_pull_record-{n:04d}" for n in range(230, 235)}),
    ("volc_pull_record", "gen-volc_pull_record-0005", {"gen-volc_pull_record-0005"}),
])
def test_name_filter(emulator, api, name, expected):
    dummy_fetcher, lister, transport = make(emulator, api)
    jobs, dummy_warnings = lister.list_jobs(ListFilters(name=name), datetime.now(UTC))
    assert {job["job_id"] for job in jobs} == expected


@pytest.mark.parametrize("api", sorted(LIST_APIS))
def test_created_window_filters(emulator, api):
    dummy_fetcher, lister, transport = make(emulator, api)
    now = datetime.now(UTC)
    everything, dummy_warnings = lister.list_jobs(ListFilters(), now)
    after, before = now - timedelta(days=75), now - timedelta(days=20)
    calls = transport.stats.requests
    selected, dummy_warnings = lister.list_jobs(ListFilters(created_after=after, created_before=before), now)
    expected = [job for job in everything if after <= _listing._job_time(job) <= before]  # pylint: disable=protected-access
    assert 0 < len(selected) < len(everything)
    assert sorted(job["job_id"] for job in selected) == sorted(job["job_id"] for job in expected)
    if LIST_APIS[api].window:
        assert transport.stats.requests - calls == 2  # 55 days: two ICE windows of at most 30 days, one page each


def test_windows_are_split_at_30_days_newest_first():
    desc = LIST_APIS["ice_snapshot"]
    now = datetime(2026, 3, 1, 12, 0, 0, 500000, tzinfo=UTC)
    windows = time_windows(desc, ListFilters(created_after=now - timedelta(days=61)), now)
    assert len(windows) == 3
    assert all(end - start <= timedelta(days=30) for start, end in windows)
    assert windows[0][1] == (now + _listing.CLOCK_MARGIN).replace(microsecond=0) + timedelta(seconds=1)
    assert windows[-1][0] == (now - timedelta(days=61)).replace(microsecond=0)
    assert all(windows[i][0] == windows[i + 1][1] for i in range(len(windows) - 1))
    full = time_windows(desc, ListFilters(), now)
    assert len(full) == 13 and full[-1][0] == (now + _listing.CLOCK_MARGIN - timedelta(days=365)).replace(microsecond=0)
    assert time_windows(LIST_APIS["ice_record"], ListFilters(), now) == [(None, None)]
    assert time_windows(LIST_APIS["ice_record"], ListFilters(created_before=now), now) == [(None, None)]
    assert time_windows(LIST_APIS["volc_pull_record"], ListFilters(created_after=now), now) == [(None, None)]


def test_matches_uses_started_at_without_created_at():
    desc = LIST_APIS["volc_pull_record"]
    job = {"job_id": "t", "status": "running", "name": None, "created_at": None, "started_at": "2026-01-10T00:00:00Z",
           "details": {"stream": "cam1"}}
    assert matches(desc, ListFilters(created_after=datetime(2026, 1, 1, tzinfo=UTC)), job)
    assert not matches(desc, ListFilters(created_before=datetime(2026, 1, 1, tzinfo=UTC)), job)
    assert matches(desc, ListFilters(name="cam"), job) and not matches(desc, ListFilters(name="cam2"), job)
    assert not matches(desc, ListFilters(created_after=datetime(2026, 1, 1, tzinfo=UTC)), dict(job, started_at=None))


@pytest.mark.parametrize("text, expected", [
    ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
    ("2024-05-01T08:00:00Z", datetime(2024, 5, 1, 8, tzinfo=UTC)),
    ("2024-05-01 08:00", datetime(2024, 5, 1, 8, tzinfo=UTC)),
    ("2024-05-01T16:00:00+08:00", datetime(2024, 5, 1, 8, tzinfo=UTC)),
    (None, None), ("", None),
])
def test_parse_time(text, expected):
    assert parse_time(text, "created_after") == expected


@pytest.mark.parametrize("text", ["yesterday", "2024-13-01", "01/05/2024"])
def test_parse_time_rejects(text):
    with pytest.raises(OptionError) as info:
        parse_time(text, "created_before")
    assert info.value.option == "created_before"


def _params(**overrides):
    params = dict(status=None, name=None, created_after=None, created_before=None, wait_for_status=None)
    params.update(overrides)
    return params


def test_check_list_options():
    assert check_list_options(APIS["ice_record"], _params(), listing=False) is None
    filters = check_list_options(APIS["ice_record"], _params(status=["running", "running", "paused"], name="cam"), listing=True)
    assert filters.statuses == ("running", "paused") and filters.name == "cam"
    with pytest.raises(OptionError, match="list mode") as info:
        check_list_options(APIS["ice_record"], _params(status=["running"]), listing=False)
    assert info.value.option == "status"
    with pytest.raises(OptionError, match="needs job_ids"):
        check_list_options(APIS["volc_pull_record"], _params(wait_for_status="running"), listing=True)
    with pytest.raises(OptionError, match="later than"):
        check_list_options(APIS["volc_pull_record"], _params(created_after="2024-02-01", created_before="2024-01-01"), listing=True)
    with pytest.raises(OptionError, match="128"):
        check_list_options(APIS["ice_snapshot"], _params(name="n" * 129), listing=True)


def test_check_list_options_api_without_list_call():
    with pytest.raises(OptionError, match="huawei has no List call") as info:
        check_list_options(APIS["huawei_record"], _params(), listing=True)
    assert info.value.option == "job_ids"


# --- List-backed batches ----------------------------------------------------------------------------------------------


def _batch_ids(api):
    # found ids spread over every page, unknown ids, and a duplicate-free mix in no particular order
    ids = generated_ids(api, range(GENERATED, 0, -7)) + [f"nope-{n}" for n in range(3)] + generated_ids(api, (2, 4))
    return list(dict.fromkeys(ids))


@pytest.mark.parametrize("api", ["ice_record", "live_edge_transcode", "volc_pull_record"])
def test_list_backed_batch_equals_get_only(emulator, api):
    ids = _batch_ids(api)
    get_fetcher, dummy_lister, get_transport = make(emulator, api, use_list="never")
    list_fetcher, dummy_lister2, list_transport_ = make(emulator, api, use_list="always")
    by_get, by_list = get_fetcher.fetch_many(ids), list_fetcher.fetch_many(ids)
    assert without_request_ids(by_list.jobs) == without_request_ids(by_get.jobs)
    assert [job["job_id"] for job in by_list.jobs] == [job_id for job_id in ids if not job_id.startswith("nope")]
    assert list(by_list.missing) == list(by_get.missing) == ["nope-0", "nope-1", "nope-2"]
    assert {k: (e.code, e.http_status) for k, e in by_list.missing.items()} == {k: (e.code, e.http_status) for k, e in by_get.missing.items()}
    assert by_list.failures == by_get.failures == {}
    assert get_transport.stats.requests == len(ids)
    pages = -(-(GENERATED + (10 if api != "ice_record" else 11)) // LIST_APIS[api].max_page_size)
    assert list_transport_.stats.requests <= pages + 3  # the pages, then one Get per unknown id


def test_snapshot_batches_never_use_list(emulator):
    fetcher, dummy_lister, transport = make(emulator, "ice_snapshot", use_list="always")
    ids = generated_ids("ice_snapshot", range(1, 101))
    assert len(fetcher.fetch_many(ids).jobs) == 100
    assert transport.stats.requests == 100


def test_cost_model():
    desc = APIS["volc_pull_record"]
    lister = Lister(desc, None, Scope(), 8, get_rate=10.0, list_rate=50.0)
    # N / 10 - 1 / 50 >= 2 s: from 21 ids
    assert not lister.worth_probing(20) and lister.worth_probing(21)
    assert lister.worth_continuing(unfound=500, pages_left=100) and not lister.worth_continuing(unfound=1, pages_left=10)
    assert not Lister(desc, None, Scope(), 8, 10.0, 50.0, "never").worth_probing(10000)
    assert Lister(desc, None, Scope(), 8, 10.0, 50.0, "always").worth_probing(1)
    assert not Lister(APIS["ice_snapshot"], None, Scope(), 8, 10.0, 50.0, "always").worth_probing(1000)
    edge = Lister(APIS["live_edge_transcode"], None, Scope(), 8, get_rate=100.0, list_rate=10.0)
    assert not edge.worth_probing(209) and edge.worth_probing(210)


def test_auto_stops_paging_when_gets_are_cheaper(emulator):
    # 25 ids at a fast Get rate: the probe page is not worth it at all
    fetcher, dummy_lister, transport = make(emulator, "volc_pull_record", get_rate=1000.0, list_rate=50.0)
    ids = generated_ids("volc_pull_record", range(1, 26))
    assert len(fetcher.fetch_many(ids).jobs) == 25 and transport.stats.requests == 25
    # 30 ids at 10/s: probe page 1 (500 newest tasks hold them all): one call
    fetcher, dummy_lister, transport = make(emulator, "volc_pull_record", get_rate=10.0, list_rate=50.0)
    assert len(fetcher.fetch_many(generated_ids("volc_pull_record", range(1, 31))).jobs) == 30
    assert transport.stats.requests == 1


def test_list_failure_falls_back_to_get(emulator):
    emulator.control("POST", "faults", {"api": "volc_pull_record", "kind": "status_503", "count": 1})
    try:
        fetcher, dummy_lister, transport = make(emulator, "volc_pull_record", use_list="always")
        ids = generated_ids("volc_pull_record", range(1, 6))
        outcome = fetcher.fetch_many(ids)
    finally:
        emulator.control("DELETE", "faults")
    assert [job["job_id"] for job in outcome.jobs] == ids
    assert outcome.warnings and "ListPullRecordTask failed (ServiceUnavailableTemp)" in outcome.warnings[0]
    assert transport.stats.requests == 1 + 5


def test_module_list_mode_uses_the_endpoint_from_the_environment(emulator, monkeypatch, capsys):
    """AWX credential types inject the endpoint as ALIBABA_CLOUD_ENDPOINT: the List calls must go there too."""
    creds = CREDENTIALS["alibaba"]
    monkeypatch.setenv("ALIBABA_CLOUD_ENDPOINT", emulator.url)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", creds["access_key"])
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", creds["secret_key"])
    monkeypatch.setenv("MEDIAOPS_LIVE_JOBS_SHARED_QUOTA", "false")
    with patch_module_args({"cluster_id": "gen-cluster-1", "region": "cn-shanghai", "retries": 0, "timeout": 5}):
        with pytest.raises(SystemExit):
            edge_transcode_job_info.main()
    result = json.loads(capsys.readouterr().out)
    assert not result.get("failed"), result.get("msg")
    assert result["summary"]["total"] == GENERATED
    assert result["api_calls"]["requests"] >= 1
