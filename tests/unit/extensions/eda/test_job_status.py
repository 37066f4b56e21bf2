# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The job_status event source against the in-process emulator, with an asyncio queue (as ansible-rulebook gives it).

The source is loaded the way ansible-rulebook loads it: runpy.run_path on the file inside the collections path.
Each scenario runs in asyncio.run with interval 1 s (the smallest allowed), so a test takes a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

CHECKOUT = Path(__file__).resolve().parents[4]
PLUGIN_PATH = Path("extensions", "eda", "plugins", "event_source", "job_status.py")
EXAMPLE_RULEBOOK = CHECKOUT / "extensions" / "eda" / "rulebooks" / "watch_event.yml"
TEST_RULEBOOK = CHECKOUT / "tests" / "eda" / "rulebooks" / "watch_flip.yml"
PLAYBOOK = CHECKOUT / "playbooks" / "job_left_status.yml"

# The FAKE credentials of emulator/data/default.yml (they authenticate nothing anywhere else).
CREDENTIAL_ENV = {
    "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEmuLat0rAcc3ssKey01",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "EmuLat0rS3cr3tF0rL1veJ0bsAcc01",
    "VOLCENGINE_ACCESS_KEY": "AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ",
    "VOLCENGINE_SECRET_KEY": "RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx",
    "HUAWEICLOUD_SDK_AK": "HWEMULAT0RAKEXAMPLE1",
    "HUAWEICLOUD_SDK_SK": "HwEmuLat0rSecretKeyForLiveJobsTests00001",
    "HUAWEICLOUD_SDK_PROJECT_ID": "0e1d2c3b4a5968778695a4b3c2d1e0f1",
}
UNSET_ENV = ("ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN", "VOLCENGINE_SESSION_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
             "ALIBABA_CLOUD_ENDPOINT", "VOLCENGINE_ENDPOINT", "HUAWEICLOUD_ENDPOINT", "ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION_ID",
             "ALICLOUD_REGION", "VOLCENGINE_REGION")
EVENT_KEYS = {"api", "label", "vendor", "job_id", "status", "previous_status", "expected", "ok", "job", "error", "region", "checked_at"}


def plugin_file():
    """The source inside the collections path (build/collections/... or pytest-ansible's), as ansible-rulebook finds it."""
    import ansible_collections.mediaops.live_jobs as collection  # pylint: disable=import-outside-toplevel

    for base in list(collection.__path__) + [str(CHECKOUT)]:
        if (Path(base) / PLUGIN_PATH).is_file():
            return Path(base) / PLUGIN_PATH
    raise AssertionError("job_status.py not found")


@pytest.fixture(scope="module")
def plugin():
    """The source's globals. Not runpy.run_path here: pytest-ansible's path hook claims every path, so run_path would
    take the file for a directory; test_loads_without_pythonpath runs it with runpy in a clean interpreter instead."""
    spec = importlib.util.spec_from_file_location("job_status_under_test", plugin_file())
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up (runpy.run_path registers it too)
    spec.loader.exec_module(module)
    return vars(module)


@pytest.fixture
def emulator(monkeypatch, tmp_path):
    from ansible_collections.mediaops.live_jobs.emulator.pytest_plugin import start_emulator  # pylint: disable=import-outside-toplevel

    for name, value in CREDENTIAL_ENV.items():
        monkeypatch.setenv(name, value)
    for name in UNSET_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MEDIAOPS_LIVE_JOBS_QUOTA_DIR", str(tmp_path / "quota"))
    with start_emulator() as handle:
        yield handle


def requests_to(emulator, api):
    return emulator.control("GET", "stats")["requests"].get(api, 0)


class Watcher:
    """main() (or Watch.run) as a task, its events collected from the queue."""

    def __init__(self, plugin, args, watch=None):
        self.queue = asyncio.Queue(maxsize=1)  # ansible-rulebook's queues are small: put() must be awaited
        self.events = []
        self.watch = watch
        coroutine = watch.run(self.queue) if watch is not None else plugin["main"](self.queue, args)
        self.task = asyncio.ensure_future(coroutine)

    async def collect(self, seconds, until=None):
        """Events arriving within `seconds` (or until `until(new events)` holds)."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        new = []
        while not (until and until(new)):
            remaining = end - loop.time()
            if remaining <= 0:
                break
            try:
                event = await asyncio.wait_for(self.queue.get(), remaining)
            except asyncio.TimeoutError:
                break
            assert set(event) == {"live_job"}
            new.append(event["live_job"])
        if self.task.done():
            self.task.result()
        self.events.extend(new)
        return new

    async def stop(self):
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


def by_id(events):
    return {event["job_id"]: event for event in events}


def run(coroutine):
    return asyncio.run(coroutine)


# ------------------------------------------------------------------------------------------------ events


def test_first_seen_then_silence(plugin, emulator):
    """One event per job when first seen (every vendor), none more while nothing changes, each job read every interval."""
    args = {"endpoint": emulator.url, "interval": 1, "checks": [
        {"api": "ice_record", "label": "recordings", "expect": {"evt-rec-001": "running", "evt-rec-005": "running"}},
        {"api": "ice_snapshot", "expect": {"evt-snap-001": "running"}},
        {"api": "live_edge_transcode", "cluster_id": "evt-cluster-1", "expect": {"evt-edge-001": "running"}},
        {"api": "volc_pull_record", "expect": {"evt-pull-001": "running"}},
        {"api": "huawei_record", "app_id": "evt-app-1", "expect": {"evt-rtc-008": "stopped"}},
    ]}

    async def scenario():
        watcher = Watcher(plugin, args, watch=plugin["Watch"](args))
        first = await watcher.collect(5, until=lambda new: len(new) >= 6)
        later = await watcher.collect(3.5)
        stats = watcher.watch.stats()
        await watcher.stop()
        return first, later, stats

    first, later, stats = run(scenario())
    events = by_id(first)
    assert len(first) == 6 and set(events) == {"evt-rec-001", "evt-rec-005", "evt-snap-001", "evt-edge-001", "evt-pull-001", "evt-rtc-008"}
    for event in first:
        assert set(event) == EVENT_KEYS
        assert event["previous_status"] is None and event["error"] is None
        assert event["job"]["job_id"] == event["job_id"] and event["job"]["status"] == event["status"]
    assert events["evt-rec-001"] == dict(events["evt-rec-001"], api="ice_record", label="recordings", vendor="alibaba",
                                         status="running", expected="running", ok=True)
    assert (events["evt-rec-005"]["status"], events["evt-rec-005"]["ok"]) == ("paused", False)
    assert events["evt-pull-001"]["vendor"] == "volcengine"
    assert events["evt-pull-001"]["label"] == plugin["APIS"]["volc_pull_record"].title  # unlabelled: the API's title
    assert (events["evt-rtc-008"]["vendor"], events["evt-rtc-008"]["status"], events["evt-rtc-008"]["ok"]) == ("huawei", "stopped", True)
    assert later == []
    polls = {job_id: row for label in stats.values() for job_id, row in label.items()}
    assert all(row["polls"] >= 3 for row in polls.values()), polls
    assert all(row["min_gap"] >= 1.0 for row in polls.values()), polls


def test_flip_emits_exactly_once_with_previous_status(plugin, emulator):
    args = {"endpoint": emulator.url, "interval": 1, "checks": [
        {"api": "ice_record", "expect": {"evt-rec-001": "running", "evt-rec-002": "running", "evt-rec-003": "running"}}]}

    async def scenario():
        watcher = Watcher(plugin, args)
        first = await watcher.collect(5, until=lambda new: len(new) >= 3)
        emulator.control("POST", "jobs/ice_record/evt-rec-002", {"status": "paused"})
        flipped_at = time.monotonic()
        flip = await watcher.collect(2.0, until=lambda new: len(new) >= 1)
        latency = time.monotonic() - flipped_at
        after = await watcher.collect(2.2)
        emulator.control("POST", "jobs/ice_record/evt-rec-002", {"status": "started"})
        back = await watcher.collect(2.0, until=lambda new: len(new) >= 1)
        back += await watcher.collect(1.2)
        await watcher.stop()
        return first, flip, latency, after, back

    first, flip, latency, after, back = run(scenario())
    assert [event["status"] for event in first] == ["running"] * 3
    assert len(flip) == 1 and latency <= 2.0
    assert {k: flip[0][k] for k in ("job_id", "status", "previous_status", "expected", "ok")} == {
        "job_id": "evt-rec-002", "status": "paused", "previous_status": "running", "expected": "running", "ok": False}
    assert flip[0]["job"]["provider_status"] == "paused"
    assert after == []
    assert [(e["job_id"], e["previous_status"], e["status"], e["ok"]) for e in back] == [("evt-rec-002", "paused", "running", True)]


def test_missing_and_back(plugin, emulator):
    """An id the vendor does not know is `missing` (one event); when the job appears, one event from missing."""
    template = emulator.control("GET", "jobs/ice_record/evt-rec-003")
    args = {"endpoint": emulator.url, "interval": 1, "checks": [{"api": "ice_record", "expect": {"late-job-1": "running"}}]}

    async def scenario():
        watcher = Watcher(plugin, args)
        first = await watcher.collect(4, until=lambda new: len(new) >= 1)
        quiet = await watcher.collect(2.5)
        record = dict(template, JobId="late-job-1")
        emulator.control("PUT", "jobs/ice_record", [record])
        appeared = await watcher.collect(2.0, until=lambda new: len(new) >= 1)
        appeared += await watcher.collect(1.5)
        await watcher.stop()
        return first, quiet, appeared

    first, quiet, appeared = run(scenario())
    assert len(first) == 1 and first[0]["status"] == "missing" and first[0]["ok"] is False and first[0]["job"] is None
    assert first[0]["error"]["cause"] == "missing" and first[0]["error"]["code"] == "JobNotFound"
    assert quiet == []
    assert [(e["previous_status"], e["status"], e["ok"], e["error"]) for e in appeared] == [("missing", "running", True, None)]


def test_credential_error_once_per_job_and_no_more_requests(plugin, emulator):
    ids = ["evt-rec-001", "evt-rec-002", "evt-rec-003", "evt-rec-004"]
    args = {"endpoint": emulator.url, "interval": 1, "checks": [
        {"api": "ice_record", "secret_key": "WrongSecretForTheEmulator0000", "expect": {job_id: "running" for job_id in ids}}]}

    async def scenario():
        watcher = Watcher(plugin, args)
        first = await watcher.collect(4, until=lambda new: len(new) >= 4)
        sent = requests_to(emulator, "ice_record")
        later = await watcher.collect(3.5)
        still = requests_to(emulator, "ice_record")
        await watcher.stop()
        return first, sent, later, still

    first, sent, later, still = run(scenario())
    assert sorted(event["job_id"] for event in first) == ids
    for event in first:
        assert (event["status"], event["previous_status"], event["ok"], event["job"]) == ("error", None, False, None)
        assert event["error"]["cause"] == "credentials" and event["error"]["code"] == "SignatureDoesNotMatch"
        assert "Wrong" not in str(event) and CREDENTIAL_ENV["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] not in str(event)
    assert later == []
    assert 1 <= sent <= len(ids) and still == sent  # the guard stopped the account's traffic


def test_read_failure_keeps_last_job_and_recovers(plugin, emulator):
    """running -> error (one event, last job kept) -> running again once the credentials work (credential_backoff)."""
    args = {"endpoint": emulator.url, "interval": 1, "credential_backoff": 1, "checks": [
        {"api": "volc_pull_record", "expect": {"evt-pull-001": "running"}}]}

    async def scenario():
        watcher = Watcher(plugin, args)
        first = await watcher.collect(4, until=lambda new: len(new) >= 1)
        emulator.control("POST", "faults", {"api": "volc_pull_record", "kind": "signature_mismatch", "count": 1})
        failed = await watcher.collect(3, until=lambda new: len(new) >= 1)
        recovered = await watcher.collect(5, until=lambda new: len(new) >= 1)
        quiet = await watcher.collect(1.5)
        await watcher.stop()
        return first, failed, recovered, quiet

    first, failed, recovered, quiet = run(scenario())
    assert [e["status"] for e in first] == ["running"]
    assert len(failed) == 1
    assert (failed[0]["status"], failed[0]["previous_status"], failed[0]["ok"]) == ("error", "running", False)
    assert failed[0]["job"]["job_id"] == "evt-pull-001" and failed[0]["job"]["status"] == "running"  # the last known job
    assert failed[0]["error"]["cause"] == "credentials" and failed[0]["error"]["provider"] == "volcengine"
    assert [(e["previous_status"], e["status"], e["ok"]) for e in recovered] == [("error", "running", True)]
    assert quiet == []


def test_selector_group(plugin, emulator):
    """A List selector: first-seen events for the selected jobs; a job leaving the selection is read by Get once."""
    args = {"endpoint": emulator.url, "interval": 1, "checks": [
        {"api": "volc_pull_record", "label": "pull running", "select": {"status": "running", "expect_status": "running"}}]}

    async def scenario():
        watcher = Watcher(plugin, args)
        first = await watcher.collect(4, until=lambda new: len(new) >= 5)
        quiet = await watcher.collect(2.2)
        emulator.control("POST", "jobs/volc_pull_record/evt-pull-003", {"status": "停用"})
        left = await watcher.collect(2.0, until=lambda new: len(new) >= 1)
        left += await watcher.collect(2.2)
        emulator.control("POST", "jobs/volc_pull_record/evt-pull-003", {"status": "生效中"})
        back = await watcher.collect(2.0, until=lambda new: len(new) >= 1)
        back += await watcher.collect(1.2)
        await watcher.stop()
        return first, quiet, left, back

    first, quiet, left, back = run(scenario())
    assert {e["job_id"] for e in first} >= {"evt-pull-001", "evt-pull-002", "evt-pull-003", "evt-pull-004"}
    assert all(e["status"] == "running" and e["expected"] == "running" and e["ok"] is True for e in first)
    assert all(e["label"] == "pull running" for e in first)
    assert quiet == []
    assert [(e["job_id"], e["previous_status"], e["status"], e["ok"]) for e in left] == [("evt-pull-003", "running", "stopped", False)]
    assert left[0]["job"]["provider_status"] == "停用"
    assert [(e["job_id"], e["previous_status"], e["status"]) for e in back] == [("evt-pull-003", "stopped", "running")]


def test_selector_list_failure_before_any_job(plugin, emulator):
    args = {"endpoint": emulator.url, "interval": 1, "checks": [
        {"api": "volc_pull_record", "retries": 0, "select": {"name": "evt"}}]}
    emulator.control("POST", "faults", {"api": "volc_pull_record", "kind": "status_503", "count": 1})

    async def scenario():
        watcher = Watcher(plugin, args)
        events = await watcher.collect(4, until=lambda new: len(new) >= 2)
        await watcher.stop()
        return events

    events = run(scenario())
    assert events[0]["job_id"] == "select: name=evt" and events[0]["status"] == "error"
    assert events[0]["error"]["code"] == "ServiceUnavailableTemp" and events[0]["error"]["cause"] == "vendor_error"
    assert (events[1]["job_id"], events[1]["previous_status"], events[1]["status"]) == ("select: name=evt", "error", "listed")


def test_cancellation_stops_cleanly(plugin, emulator):
    args = {"endpoint": emulator.url, "interval": 1, "checks": [
        {"api": "huawei_record", "app_id": "evt-app-1", "expect": {f"evt-rtc-00{n}": "running" for n in range(1, 5)}}]}

    async def scenario():
        watcher = Watcher(plugin, args)
        await watcher.collect(4, until=lambda new: len(new) >= 4)
        started = time.monotonic()
        watcher.task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await watcher.task
        return time.monotonic() - started

    assert run(scenario()) < 1.0
    sent = requests_to(emulator, "huawei_record")
    deadline = time.monotonic() + 5
    while any(thread.name.startswith("job_status") for thread in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [thread.name for thread in threading.enumerate() if thread.name.startswith("job_status")]
    time.sleep(1.5)
    assert requests_to(emulator, "huawei_record") == sent


def test_watch_and_a_module_share_the_account_quota(plugin, emulator):
    """A module reading the same account and API while the watch runs: together they stay within the quota (10/s)."""
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._groups import open_groups, parse_group  # pylint: disable=import-outside-toplevel
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._pacing import Deadline  # pylint: disable=import-outside-toplevel
    from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS  # pylint: disable=import-outside-toplevel

    check = {"api": "huawei_record", "app_id": "evt-app-1", "expect": {f"evt-rtc-{n:03d}": "running" for n in range(1, 11)}}
    args = {"endpoint": emulator.url, "interval": 1, "checks": [check]}
    module_group = open_groups([parse_group(0, check, APIS, endpoint=emulator.url)])[0]
    stop, module_reads = threading.Event(), []

    def module():  # e.g. readiness_info in a playbook next to the rulebook, same user, same quota file
        while not stop.is_set():
            module_group.session.set_deadline(Deadline(30))
            module_reads.append(len(module_group.session.fetcher().fetch_many(list(check["expect"])).jobs))

    async def scenario():
        watcher = Watcher(plugin, args, watch=plugin["Watch"](args))
        await watcher.collect(3, until=lambda new: len(new) >= 10)
        before, started = emulator.control("GET", "stats")["limit_keys"]["huawei_record"], time.monotonic()
        polls_before = sum(row["polls"] for row in watcher.watch.stats()[plugin["APIS"]["huawei_record"].title].values())
        thread = threading.Thread(target=module)
        thread.start()
        await watcher.collect(4)
        stop.set()
        after, elapsed = emulator.control("GET", "stats")["limit_keys"]["huawei_record"], time.monotonic() - started
        polls = sum(row["polls"] for row in watcher.watch.stats()[plugin["APIS"]["huawei_record"].title].values()) - polls_before
        await watcher.stop()
        await asyncio.get_running_loop().run_in_executor(None, thread.join)
        return before, after, elapsed, polls

    before, after, elapsed, polls = run(scenario())
    accepted, throttled = after["accepted"] - before["accepted"], after["throttled"] - before["throttled"]
    assert throttled <= 2, (accepted, throttled)
    assert accepted <= 10 * elapsed + 10, (accepted, elapsed)
    assert sum(module_reads) >= 10 and polls >= 5  # both kept reading: the quota was shared, not taken


# ------------------------------------------------------------------------------------------------ options, planning


@pytest.mark.parametrize("args, option", [
    ({"checks": [{"api": "nope", "expect": {"a": "running"}}]}, "checks[0].api"),
    ({"checks": [{"api": "ice_record"}]}, "checks[0]"),
    ({"checks": [{"api": "ice_record", "expect": {"a": "runing"}}]}, "checks[0].expect.a.status"),
    ({"checks": [{"api": "ice_record", "expect": {"a": "running"}, "colour": "red"}]}, "checks[0].colour"),
    ({"checks": [{"api": "ice_record", "expect": {"a": "running"}, "timeout": "soon"}]}, "checks[0].timeout"),
    ({"checks": [{"api": "live_edge_transcode", "expect": {"a": "running"}}]}, "checks[0].cluster_id"),
    ({"checks": [{"api": "ice_snapshot", "select": {"status": "running"}, "rate_limit": 0}]}, "checks[0].rate_limit"),
    ({"checks": [{"api": "huawei_record", "app_id": "x", "select": {}}]}, "checks[0]"),
    ({"checks": []}, "checks"),
    ({"checks": [{"api": "ice_record", "expect": {"a": "running"}}], "interval": 0.5}, "interval"),
    ({"checks": [{"api": "ice_record", "expect": {"a": "running"}}], "defaults": {"access_key": "x"}}, "defaults.access_key"),
    ({"checks": [{"api": "ice_record", "expect": {"a": "running"}}], "delay": 3}, "delay"),
])
def test_option_errors_before_any_request(plugin, emulator, args, option):
    error_class = plugin["OptionError"]
    with pytest.raises(error_class) as caught:
        plugin["Watch"](dict(args, endpoint=emulator.url))
    assert caught.value.option == option
    assert sum(emulator.control("GET", "stats")["requests"].values()) == 0


def test_missing_credentials_fail_before_any_request(plugin, emulator, monkeypatch):
    monkeypatch.delenv("HUAWEICLOUD_SDK_AK")
    with pytest.raises(plugin["OptionError"]) as caught:
        run(plugin["main"](asyncio.Queue(), {"endpoint": emulator.url, "checks": [
            {"api": "ice_record", "expect": {"a": "running"}}, {"api": "huawei_record", "app_id": "x", "expect": {"b": "running"}}]}))
    assert caught.value.option == "checks[1].access_key"
    assert sum(emulator.control("GET", "stats")["requests"].values()) == 0


@pytest.mark.parametrize("count, rate, interval, period, chunks", [
    (500, 50.0, 30, 30.0, 40),     # interval-bound: 12-13 ids every 0.75 s, each chunk read in 0.25 s
    (500, 10.0, 30, 50.0, 200),    # quota-bound: a pass takes 50 s at 10 requests/s, 2-3 ids every 0.25 s
    (3, 50.0, 30, 30.0, 3),        # few ids: one every 10 s
    (7, 10.0, 1, 1.0, 3),          # interval 1: every id each second, in 3 chunks of at most 0.25 s
])
def test_lane_spreads_a_pass(plugin, count, rate, interval, period, chunks):
    lane = plugin["Lane"](("api",), list(range(count)), rate, interval)
    assert lane.period == period and len(lane.chunks) == chunks
    assert sorted(item for chunk in lane.chunks for item in chunk) == list(range(count))
    assert max(len(chunk) for chunk in lane.chunks) <= max(1, rate * lane.slot) + 1


def test_groups_of_one_account_share_a_lane(plugin, emulator):
    watch = plugin["Watch"]({"endpoint": emulator.url, "interval": 5, "checks": [
        {"api": "ice_record", "label": "a", "expect": {"evt-rec-001": "running"}},
        {"api": "ice_record", "label": "b", "rate_limit": 20, "expect": {"evt-rec-002": "running"}},
        {"api": "ice_snapshot", "expect": {"evt-snap-001": "running"}},
    ]})
    lanes = sorted(watch.lanes, key=lambda lane: lane.key)
    assert [(lane.key[0], len(lane.items), lane.rate) for lane in lanes] == [("ice_record", 2, 20.0), ("ice_snapshot", 1, 50.0)]
    watch.close()


# ------------------------------------------------------------------------------------------------ files


def test_loads_without_pythonpath():
    """ansible-rulebook runs the file with runpy, no collection loader and no PYTHONPATH: it must find module_utils itself."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "ANSIBLE_COLLECTIONS_PATH")}
    code = "import runpy, sys; m = runpy.run_path(sys.argv[1]); print(m['main'].__name__, m['APIS']['ice_record'].name)"
    result = subprocess.run([sys.executable, "-c", code, str(plugin_file())], cwd="/", env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["main", "ice_record"]


def test_documentation(plugin):
    doc = yaml.safe_load(plugin["DOCUMENTATION"])
    assert set(doc["options"]) == set(plugin["ARGS"])
    assert doc["options"]["interval"]["default"] == 30
    examples = yaml.safe_load(plugin["EXAMPLES"])
    assert "mediaops.live_jobs.job_status" in examples[0]["sources"][0]


def job_left_rule(path):
    rulebook = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = [rule for ruleset in rulebook for rule in ruleset["rules"]]
    return rulebook, [rule for rule in rules if "run_playbook" in str(rule.get("action") or rule.get("actions"))]


def test_rulebooks_share_the_job_left_condition():
    """The example rulebook and the one `make eda` runs under ansible-rulebook fire on the same condition."""
    example, example_rules = job_left_rule(EXAMPLE_RULEBOOK)
    tested, tested_rules = job_left_rule(TEST_RULEBOOK)
    assert len(example_rules) == 1 and len(tested_rules) == 1
    assert example_rules[0]["condition"] == tested_rules[0]["condition"]
    for rulebook in (example, tested):
        assert "mediaops.live_jobs.job_status" in rulebook[0]["sources"][0]
    assert PLAYBOOK.is_file()
