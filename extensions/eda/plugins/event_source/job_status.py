# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""mediaops.live_jobs.job_status: an Event-Driven Ansible source that reports live job status changes.

ansible-rulebook runs this file on its own (runpy.run_path), without Ansible's collection loader: the file puts the
collections root it lives in on sys.path itself and then imports the collection's module_utils.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import math
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

DOCUMENTATION = r"""
---
short_description: Report status changes of live recording, snapshot, transcoding and pull-record jobs.
description:
  - Polls the vendor APIs of this collection (the same check groups as M(mediaops.live_jobs.readiness_info)) and puts
    one event on the queue when a job is first seen and one each time its normalized status changes, including to and
    from C(missing) (the vendor does not know the job) and C(error) (the job could not be read). An unchanged job never
    produces a second event.
  - 'Event shape: C({"live_job": {api, label, vendor, job_id, status, previous_status, expected, ok, job, error, region,
    checked_at}}). C(status) is a normalized status (C(pending), C(running), C(paused), C(stopped), C(finished),
    C(unknown)), C(missing) or C(error); C(previous_status) is the status of the previous event for the job (null on
    the first one); C(expected) is the status the group expects (null when none); C(ok) is C(status == expected) (null
    when nothing is expected); C(job) is the last normalized job read (kept when a read fails, null before the first
    successful read); C(error) is C({code, message, cause, http_status, request_id, provider}) for C(error) and
    C(missing), else null.'
  - Polls are spread over the interval; a full pass over the jobs of one account and API takes the larger of
    O(interval) and the number of jobs divided by the API's rate limit, and a job is read again only an interval after
    its previous read ended. Requests stay within each account's quota, shared with concurrent modules and playbooks of
    the same user on the same machine through the collection's quota files.
  - A credential error stops the account's requests at once; every job of that account gets one C(error) event. The
    credentials are tried again after O(credential_backoff) seconds, so fixed credentials recover on their own.
  - Credentials left out of a group are read from the vendors' environment variables, as the modules do
    (C(ALIBABA_CLOUD_ACCESS_KEY_ID), C(VOLCENGINE_ACCESS_KEY), C(HUAWEICLOUD_SDK_AK), ...).
  - Needs the Python packages C(requests) and C(pydantic) in ansible-rulebook's Python.
options:
  checks:
    description:
      - The check groups, exactly as O(mediaops.live_jobs.readiness_info#module:checks) - C(api), C(label), C(expect)
        (job id to expected status, or a mapping with C(status)) or C(select) (a List selector with C(name),
        C(status), C(created_after), C(created_before), C(expect_status)), and per group C(region), C(endpoint),
        C(cluster_id), C(app_id), C(project_id), C(signature_version), credentials (C(access_key), C(secret_key),
        C(security_token), C(auth_token)) and transport options (C(rate_limit), C(timeout), C(retries), C(deadline),
        C(validate_certs), C(ca_path), C(max_concurrency)).
      - A selector group lists its jobs every O(interval) (List calls, at the List rate limit); a job that leaves
        the selection is read once by its Get call, so its event carries its real status.
      - C(deadline) is the time budget of one read (a chunk of ids or a List sweep); default the larger of 60 seconds
        and two intervals.
    type: list
    elements: dict
    required: true
  endpoint:
    description: Base URL for every group without its own (for example the bundled emulator).
    type: str
  interval:
    description: Seconds between two reads of a job (at least 1).
    type: float
    default: 30
  defaults:
    description:
      - Transport options for every group that does not set its own - C(endpoint), C(region), C(signature_version),
        C(rate_limit), C(timeout), C(retries), C(deadline), C(validate_certs), C(ca_path), C(max_concurrency).
    type: dict
    default: {}
  credential_backoff:
    description: Seconds before rejected credentials are tried again (one request per account).
    type: float
    default: 300
"""

EXAMPLES = r"""
- name: Watch tonight's jobs
  hosts: all
  sources:
    - mediaops.live_jobs.job_status:
        interval: 15
        checks:
          - api: ice_record
            label: ICE recordings
            region: cn-shanghai
            expect:
              evt-rec-001: running
              evt-rec-002: running
          - api: live_edge_transcode
            cluster_id: evt-cluster-1
            expect:
              evt-edge-001: running
          - api: volc_pull_record
            select:
              name: cup-final
              expect_status: running
  rules:
    - name: A job left the status the event needs
      condition: >-
        event.live_job.ok == false and event.live_job.previous_status != null
        and event.live_job.status != "error"
      action:
        run_playbook:
          name: mediaops.live_jobs.job_left_status
    - name: A job cannot be read
      condition: event.live_job.status == "error"
      action:
        debug:
          msg: "{{ event.live_job.label }} {{ event.live_job.job_id }}: {{ event.live_job.error.cause }} ({{ event.live_job.error.code }})"
"""

COLLECTION = ("mediaops", "live_jobs")


def collections_root(path):
    """The directory holding ansible_collections/mediaops/live_jobs that contains `path` (symlinks kept, then resolved)."""
    for candidate in (os.path.abspath(path), os.path.realpath(path)):
        directory = os.path.dirname(candidate)
        while True:
            parent = os.path.dirname(directory)
            if os.path.basename(directory) == "ansible_collections" and os.path.isdir(os.path.join(directory, *COLLECTION)):
                return parent
            if parent == directory:
                break
            directory = parent
    return None


_ROOT = collections_root(__file__)
if _ROOT is not None and _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
elif _ROOT is None and "ansible_collections" not in sys.modules:
    raise ImportError(f"{__file__} is not inside an ansible_collections/mediaops/live_jobs directory; install the collection "
                      "(ansible-galaxy collection install) or run the file through a collections path")

# pylint: disable=wrong-import-position
from ansible_collections.mediaops.live_jobs.plugins.module_utils._errors import ApiError, OptionError  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._groups import label_groups, open_groups, parse_group  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._models import HAS_PYDANTIC  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._pacing import Deadline  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._session import utc_now  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._transport import HAS_REQUESTS  # noqa: E402
from ansible_collections.mediaops.live_jobs.plugins.module_utils._verdicts import cause_of  # noqa: E402

LOGGER = logging.getLogger("mediaops.live_jobs.job_status")

DEFAULT_INTERVAL = 30.0
DEFAULT_CREDENTIAL_BACKOFF = 300.0
MIN_READ_DEADLINE = 60.0
# A pass is cut into chunks at most TICK seconds apart, each read in at most about CHUNK_SECONDS at the rate limit
# (a job is read again an interval after its chunk's read ended: short chunks keep that close to the interval).
TICK = 1.0
CHUNK_SECONDS = 0.25

FLOAT_OPTIONS = ("rate_limit", "timeout", "deadline")
INT_OPTIONS = ("retries", "max_concurrency")
BOOL_OPTIONS = ("validate_certs",)
DEFAULT_OPTIONS = ("endpoint", "region", "signature_version", "rate_limit", "timeout", "retries", "deadline",
                   "validate_certs", "ca_path", "max_concurrency")
GROUP_OPTIONS = DEFAULT_OPTIONS + ("api", "label", "expect", "select", "cluster_id", "app_id", "project_id", "access_key",
                                   "secret_key", "security_token", "auth_token")
ARGS = ("checks", "endpoint", "interval", "defaults", "credential_backoff")
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


# ------------------------------------------------------------------------------------------------ options


def _number(value, where, kind=float):
    if isinstance(value, bool) or value is None:
        raise OptionError(where, f"must be a number, got {value!r}")
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise OptionError(where, f"must be a number, got {value!r}") from None
    if kind is float and not math.isfinite(number):
        raise OptionError(where, f"must be a finite number, got {value!r}")
    return number


def _coerce(options, where, allowed):
    """Known keys only, with the types the modules' argument specs give them."""
    if not isinstance(options, dict):
        raise OptionError(where, f"must be a mapping, got {type(options).__name__}")
    unknown = sorted(str(key) for key in set(options) - set(allowed))
    if unknown:
        raise OptionError(f"{where}.{unknown[0]}" if where else unknown[0], "is not an option; use " + ", ".join(allowed))
    out = {}
    for key, value in options.items():
        name = f"{where}.{key}" if where else key
        if value is None or value == "":
            continue  # unset (AWX injects empty strings)
        if key in FLOAT_OPTIONS:
            value = _number(value, name)
        elif key in INT_OPTIONS:
            number = _number(value, name)
            if not number.is_integer():
                raise OptionError(name, f"must be a whole number, got {value!r}")
            value = int(number)
        elif key in BOOL_OPTIONS:
            if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
                value = value.strip().lower() in _TRUE
            elif not isinstance(value, bool):
                raise OptionError(name, f"must be true or false, got {value!r}")
        elif key in ("expect", "select"):
            if not isinstance(value, dict):
                raise OptionError(name, "must be a mapping")
        elif isinstance(value, int) and not isinstance(value, bool) and key in ("label", "cluster_id", "app_id", "project_id"):
            value = str(value)
        elif not isinstance(value, str):
            raise OptionError(name, f"must be a string, got {type(value).__name__}")
        out[key] = value
    return out


@dataclass
class Settings:
    groups: list
    interval: float
    credential_backoff: float


def parse_args(args):
    """Settings from the source's arguments; OptionError naming the argument (checks[N].key) before any request."""
    if not isinstance(args, dict):
        raise OptionError("args", "must be a mapping")
    unknown = sorted(set(args) - set(ARGS) - {"eda_feedback_queue"})
    if unknown:
        raise OptionError(unknown[0], "is not an argument of mediaops.live_jobs.job_status; use " + ", ".join(ARGS))
    interval = _number(args.get("interval", DEFAULT_INTERVAL), "interval")
    if interval < 1 or interval > 86400:
        raise OptionError("interval", f"must be between 1 and 86400 seconds, got {args.get('interval')!r}")
    backoff = _number(args.get("credential_backoff", DEFAULT_CREDENTIAL_BACKOFF), "credential_backoff")
    if backoff < 1 or backoff > 86400:
        raise OptionError("credential_backoff", "must be between 1 and 86400 seconds")
    endpoint = args.get("endpoint") or None
    if endpoint is not None and not isinstance(endpoint, str):
        raise OptionError("endpoint", "must be a string")
    defaults = _coerce(args.get("defaults") or {}, "defaults", DEFAULT_OPTIONS)
    checks = args.get("checks")
    if not isinstance(checks, list) or not checks:
        raise OptionError("checks", "lists no group: give a list of {api, expect or select}")
    groups = []
    for index, check in enumerate(checks):
        where = f"checks[{index}]"
        check = _coerce(check, where, GROUP_OPTIONS)
        if "api" not in check:
            raise OptionError(f"{where}.api", "is required: one of " + ", ".join(APIS))
        groups.append(parse_group(index, check, APIS, defaults, endpoint))
    return Settings(label_groups(groups), interval, backoff)


# ------------------------------------------------------------------------------------------------ state


@dataclass
class Tracked:
    """One watched job of one group: what the last event said, and the last job read."""

    group: Any
    job_id: str
    expected: str | None
    status: str | None = None       # the status of the last event (None: no event yet)
    job: dict | None = None
    departed: bool = False          # selector groups: no longer selected, read once by Get
    polls: int = 0
    last_read: float | None = None
    min_gap: float | None = None


@dataclass
class Lane:
    """The Get-read ids of every group reading one API with one account on one host: one quota, one schedule."""

    key: tuple
    items: list
    rate: float
    interval: float
    period: float = 0.0
    chunks: list = field(default_factory=list)
    slot: float = 0.0

    def __post_init__(self):
        count = len(self.items)
        self.period = max(self.interval, count / self.rate)
        wanted = max(1, min(count, max(int(self.period // TICK), math.ceil(count / (self.rate * CHUNK_SECONDS)))))
        self.chunks = [self.items[index * count // wanted:(index + 1) * count // wanted] for index in range(wanted)]
        self.slot = self.period / len(self.chunks)


@dataclass
class SelectorRead:
    jobs: list = field(default_factory=list)
    error: ApiError | None = None
    listed_at: float | None = None
    gone: list = field(default_factory=list)
    outcome: Any = None
    done: dict = field(default_factory=dict)


def error_info(error, missing=False):
    return {
        "code": error.code, "message": error.message, "cause": "missing" if missing else cause_of(error),
        "http_status": error.http_status, "request_id": error.request_id, "provider": error.provider,
    }


def lane_key(group):
    credentials = group.session.credentials
    return (group.api.name, credentials.account_id(), credentials.endpoint or "", credentials.region or "")


class Watch:
    """The polling engine behind main(): parse, open every group, then one task per lane and per selector group."""

    def __init__(self, args, environ=None, clock=time.monotonic):
        if not HAS_REQUESTS or not HAS_PYDANTIC:
            missing = [name for name, has in (("requests", HAS_REQUESTS), ("pydantic", HAS_PYDANTIC)) if not has]
            raise RuntimeError("mediaops.live_jobs.job_status needs the Python package(s) " + " and ".join(missing)
                               + f" in ansible-rulebook's Python ({sys.executable})")
        self.settings = parse_args(args)
        self.interval = self.settings.interval
        self.clock = clock
        self.groups = open_groups(self.settings.groups, environ)
        self.tracked = {}
        self.lanes = self._plan_lanes()
        self.selectors = [group for group in self.groups if group.selector is not None]
        self._guard_lock = threading.Lock()
        self._tripped = {}
        self._warned = set()
        self._pool = None
        for group in self.groups:
            for warning in group.session.warnings:
                self._warn(group, warning)

    def _plan_lanes(self):
        lanes = {}
        for group in self.groups:
            if not group.expect:
                continue
            key = lane_key(group)
            items = lanes.setdefault(key, ([], []))
            items[1].append(group.params.get("rate_limit") or group.api.default_rate_limit)
            for job_id, expectation in group.expect.items():
                tracked = Tracked(group, job_id, expectation.status)
                self.tracked[(group.index, job_id)] = tracked
                items[0].append(tracked)
        return [Lane(key, items, min(rates), self.interval) for key, (items, rates) in lanes.items()]

    # ------------------------------------------------------------------------------------------------ events

    def _warn(self, group, warning):
        text = f"{group.label}: {warning}"
        if text not in self._warned:
            self._warned.add(text)
            LOGGER.warning(text)

    def observe(self, tracked, status, job=None, error=None, checked_at=None):
        """The event for a status change of a tracked job (None when the status is unchanged)."""
        if job is not None:
            tracked.job = job
        if status == tracked.status:
            return None
        previous, tracked.status = tracked.status, status
        group = tracked.group
        return {"live_job": {
            "api": group.api.name, "label": group.label, "vendor": group.api.vendor.name, "job_id": tracked.job_id,
            "status": status, "previous_status": previous, "expected": tracked.expected,
            "ok": None if tracked.expected is None else status == tracked.expected,
            "job": copy.deepcopy(tracked.job), "error": error,
            "region": group.session.scope.region, "checked_at": checked_at or utc_now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        }}

    def _apply_outcome(self, group, items, outcome, done):
        """Events of one group's fetch_many outcome for `items` (Tracked)."""
        checked_at = utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")
        jobs = {job["job_id"]: job for job in outcome.jobs}
        events = []
        for warning in outcome.warnings:
            self._warn(group, warning)
        for tracked in items:
            job_id = tracked.job_id
            self._count_poll(tracked, done.get(job_id))
            if job_id in outcome.failures:
                event = self.observe(tracked, "error", error=error_info(outcome.failures[job_id]), checked_at=checked_at)
            elif job_id in outcome.missing:
                event = self.observe(tracked, "missing", error=error_info(outcome.missing[job_id], missing=True), checked_at=checked_at)
            elif job_id in jobs:
                event = self.observe(tracked, jobs[job_id].get("status") or "unknown", job=jobs[job_id], checked_at=checked_at)
            else:
                continue
            if event is not None:
                events.append(event)
        return events

    @staticmethod
    def _count_poll(tracked, when):
        if when is None:
            return
        if tracked.last_read is not None:
            gap = when - tracked.last_read
            tracked.min_gap = gap if tracked.min_gap is None else min(tracked.min_gap, gap)
        tracked.polls += 1
        tracked.last_read = when

    # ------------------------------------------------------------------------------------------------ reads (threads)

    def _prepare(self, group):
        """A fresh time budget for one read; rejected credentials are tried again after credential_backoff."""
        deadline = group.params.get("deadline") or max(MIN_READ_DEADLINE, 2 * self.interval)
        group.session.set_deadline(Deadline(deadline))
        guard = group.session.transport.guard
        with self._guard_lock:
            if guard.cause is None:
                self._tripped.pop(id(guard), None)
                return
            now = self.clock()
            first = self._tripped.setdefault(id(guard), now)
            if now - first >= self.settings.credential_backoff:
                LOGGER.warning("%s: trying the rejected credentials again (%s)", group.label, guard.cause.code)
                guard.cause = None
                self._tripped.pop(id(guard), None)

    def _fetch(self, group, job_ids):
        """fetch_many with each id's completion time (for the poll counters)."""
        fetcher = group.session.fetcher()
        done = {}
        fetch_one = fetcher.fetch_one

        def timed(job_id):
            try:
                return fetch_one(job_id)
            finally:
                done[job_id] = self.clock()

        fetcher.fetch_one = timed
        return fetcher.fetch_many(job_ids), done

    def _read_chunk(self, chunk):
        """[(group, items, outcome, done)] for one chunk of a lane (runs in a worker thread)."""
        by_group = {}
        for tracked in chunk:
            by_group.setdefault(tracked.group.index, (tracked.group, []))[1].append(tracked)
        results = []
        for group, items in by_group.values():
            self._prepare(group)
            outcome, done = self._fetch(group, [tracked.job_id for tracked in items])
            results.append((group, items, outcome, done))
        return results

    def _read_selector(self, group, known_ids):
        """SelectorRead of one pass: List, then a Get of each known job the List no longer holds (worker thread)."""
        self._prepare(group)
        try:
            jobs, warnings = group.session.lister.list_jobs(group.selector.filters, utc_now())
        except ApiError as error:
            return SelectorRead(error=error)
        for warning in warnings:
            self._warn(group, warning)
        listed = {job["job_id"] for job in jobs}
        gone = [job_id for job_id in known_ids if job_id not in listed]
        read = SelectorRead(jobs=jobs, listed_at=self.clock(), gone=gone)
        if gone:
            read.outcome, read.done = self._fetch(group, gone)
        return read

    # ------------------------------------------------------------------------------------------------ loops

    async def _sleep_until(self, moment):
        delay = moment - self.clock()
        if delay > 0:
            await asyncio.sleep(delay)

    async def _in_thread(self, func, *args):
        return await asyncio.get_running_loop().run_in_executor(self._pool, func, *args)

    async def _run_lane(self, lane, queue):
        starts = [None] * len(lane.chunks)
        ends = [None] * len(lane.chunks)
        next_due = self.clock()
        index = 0
        while True:
            due = next_due
            if starts[index] is not None:
                # spread: a pass takes `period`; never more often than interval: an interval after the last read ended
                due = max(due, starts[index] + lane.period, ends[index] + self.interval)
            await self._sleep_until(due)
            starts[index] = self.clock()
            results = await self._in_thread(self._read_chunk, lane.chunks[index])
            ends[index] = self.clock()
            for group, items, outcome, done in results:
                for event in self._apply_outcome(group, items, outcome, done):
                    await queue.put(event)
            next_due = starts[index] + lane.slot
            index = (index + 1) % len(lane.chunks)

    def _selector_tracked(self, group, job_id, expected="selector"):
        key = (group.index, job_id)
        if key not in self.tracked:
            self.tracked[key] = Tracked(group, job_id, group.selector.expect_status if expected == "selector" else expected)
        return self.tracked[key]

    def _selector_events(self, group, read, known):
        """Events of one selector pass; `known` are the Tracked jobs it had selected before (not departed)."""
        checked_at = utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")
        pseudo = self.tracked.get((group.index, selector_id(group)))
        if read.error is not None:
            info = error_info(read.error)
            events = [self.observe(tracked, "error", error=info, checked_at=checked_at) for tracked in known]
            if not known:
                # nothing selected to report the failure on: the selector itself says it cannot list
                pseudo = pseudo or self._selector_tracked(group, selector_id(group), expected=None)
                events.append(self.observe(pseudo, "error", error=info, checked_at=checked_at))
            return [event for event in events if event is not None]
        events = []
        if pseudo is not None and pseudo.status == "error":
            events.append(self.observe(pseudo, "listed", checked_at=checked_at))
        for job in read.jobs:
            if job["job_id"] in group.expect:
                continue
            tracked = self._selector_tracked(group, job["job_id"])
            tracked.departed = False
            self._count_poll(tracked, read.listed_at)
            events.append(self.observe(tracked, job.get("status") or "unknown", job=job, checked_at=checked_at))
        if read.outcome is not None:
            items = [self.tracked[(group.index, job_id)] for job_id in read.gone]
            events.extend(self._apply_outcome(group, items, read.outcome, read.done))
            for tracked in items:
                # read once by Get after leaving the selection; a failed read is tried again next pass
                tracked.departed = tracked.job_id not in read.outcome.failures
        return [event for event in events if event is not None]

    async def _run_selector(self, group, queue):
        last_end = None
        while True:
            if last_end is not None:
                await self._sleep_until(last_end + self.interval)
            known = [tracked for (index, job_id), tracked in self.tracked.items()
                     if index == group.index and job_id not in group.expect and job_id != selector_id(group)
                     and not tracked.departed]
            read = await self._in_thread(self._read_selector, group, [tracked.job_id for tracked in known])
            last_end = self.clock()
            for event in self._selector_events(group, read, known):
                await queue.put(event)

    async def run(self, queue):
        """Poll until cancelled; an unexpected exception in one loop stops them all and is raised."""
        workers = len(self.lanes) + len(self.selectors)
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="job_status")
        tasks = [asyncio.ensure_future(self._run_lane(lane, queue)) for lane in self.lanes]
        tasks += [asyncio.ensure_future(self._run_selector(group, queue)) for group in self.selectors]
        LOGGER.info("watching %d jobs in %d lanes and %d selectors every %gs", sum(len(lane.items) for lane in self.lanes),
                    len(self.lanes), len(self.selectors), self.interval)
        try:
            done, _pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                task.result()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.close()

    def close(self):
        """Stop: reads still in flight end at their next request (expired deadline); no new read starts."""
        for group in self.groups:
            if group.session is not None:
                group.session.set_deadline(Deadline(0))
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def stats(self):
        """{label: {job_id: {polls, min_gap, status}}}: how often each job was read (for measurements and tests)."""
        out = {}
        for tracked in self.tracked.values():
            out.setdefault(tracked.group.label, {})[tracked.job_id] = {
                "polls": tracked.polls, "min_gap": tracked.min_gap, "status": tracked.status}
        return out


def selector_id(group):
    """The job_id of a selector's own events (its List call fails before it selected anything)."""
    return f"select: {group.selector.text}"


async def main(queue: asyncio.Queue, args: dict[str, Any]) -> None:
    """Entry point for ansible-rulebook: put one event per job status change on the queue until cancelled."""
    watch = Watch(args)
    await watch.run(queue)


if __name__ == "__main__":
    # python job_status.py ['{"endpoint": ..., "interval": 5, "checks": [...]}']: print the events (like ansible.eda
    # sources). Without an argument: two event jobs of the bundled emulator at $LIVE_JOBS_EMULATOR_URL.

    class MockQueue(asyncio.Queue):
        async def put(self, item):
            print(json.dumps(item, ensure_ascii=False), flush=True)

    logging.basicConfig(level=logging.INFO)
    ARGUMENTS = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {
        "endpoint": os.environ.get("LIVE_JOBS_EMULATOR_URL", "http://127.0.0.1:8080"),
        "interval": 5,
        "checks": [{"api": "ice_record", "expect": {"evt-rec-001": "running", "evt-rec-005": "running"}}],
    }
    try:
        asyncio.run(main(MockQueue(), ARGUMENTS))
    except KeyboardInterrupt:
        pass
