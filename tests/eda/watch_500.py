# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A 500-job watch at the vendors' documented rate limits: how often each job is read, and what the vendor throttled.

Runs the job_status source the way ansible-rulebook does (runpy.run_path on the file in the collections path, an
asyncio queue), without ansible-rulebook, against the emulator (a subprocess; its default fixture plus generated jobs;
its rate limits are the documented ones). Prints per API: jobs, the rate the source paces at, the pass it plans
(max(interval, jobs / rate)), reads per job (min / mean / max) against the most the quota and the interval allow,
the shortest time between two reads of one job (never below the interval), the Get calls the emulator accepted and
throttled, and the error events the rulebook would have seen. Fails when a job is read more often than the interval,
when an error event reaches the queue, or when a job is read less than 80 % as often as its quota allows.

    python tests/eda/watch_500.py --collections build/collections [--seconds 30] [--interval 5] [--json FILE]

Needs requests, pydantic and PyYAML (the collection's requirements; .cache/venv-eda has them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

# 500 jobs over the five APIs; edge jobs of the generator are in cluster gen-cluster-1, Huawei jobs in app gen-app-1.
MIX = {"ice_record": 150, "ice_snapshot": 100, "live_edge_transcode": 100, "volc_pull_record": 75, "huawei_record": 75}
SCOPE = {"live_edge_transcode": {"cluster_id": "gen-cluster-1"}, "huawei_record": {"app_id": "gen-app-1"}}
CREDENTIAL_ENV = {  # the FAKE credentials of emulator/data/default.yml
    "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEmuLat0rAcc3ssKey01",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "EmuLat0rS3cr3tF0rL1veJ0bsAcc01",
    "VOLCENGINE_ACCESS_KEY": "AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ",
    "VOLCENGINE_SECRET_KEY": "RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx",
    "HUAWEICLOUD_SDK_AK": "HWEMULAT0RAKEXAMPLE1",
    "HUAWEICLOUD_SDK_SK": "HwEmuLat0rSecretKeyForLiveJobsTests00001",
    "HUAWEICLOUD_SDK_PROJECT_ID": "0e1d2c3b4a5968778695a4b3c2d1e0f1",
}
PLUGIN = Path("ansible_collections", "mediaops", "live_jobs", "extensions", "eda", "plugins", "event_source", "job_status.py")


def start_emulator(collections, workdir):
    collection = Path(collections) / "ansible_collections" / "mediaops" / "live_jobs"
    fixture = yaml.safe_load((collection / "emulator" / "data" / "default.yml").read_text(encoding="utf-8"))
    fixture["generate"] = dict(MIX)
    fixture_path, url_file = workdir / "fixture.json", workdir / "url"
    fixture_path.write_text(json.dumps(fixture), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(collections))
    with open(workdir / "emulator.log", "wb") as log:
        process = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "ansible_collections.mediaops.live_jobs.emulator", "--port", "0", "--fixture", str(fixture_path),
             "--url-file", str(url_file)], env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 30
    while not (url_file.exists() and url_file.read_text(encoding="utf-8").strip()):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the emulator did not start: " + (workdir / "emulator.log").read_text(encoding="utf-8"))
        time.sleep(0.1)
    return process, url_file.read_text(encoding="utf-8").strip().splitlines()[0]


def stats(url):
    with urllib.request.urlopen(f"{url}/_emulator/stats", timeout=10) as response:
        return json.loads(response.read())


async def watch(plugin, args, seconds):
    """Run Watch for `seconds`; (watch, events by status)."""
    instance = plugin["Watch"](args)
    queue = asyncio.Queue(maxsize=1)
    counts = {}

    async def consume():
        while True:
            event = (await queue.get())["live_job"]
            counts[event["status"]] = counts.get(event["status"], 0) + 1

    consumer = asyncio.ensure_future(consume())
    task = asyncio.ensure_future(instance.run(queue))
    await asyncio.sleep(seconds)
    task.cancel()
    consumer.cancel()
    for pending in (task, consumer):
        try:
            await pending
        except asyncio.CancelledError:
            pass
    return instance, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--collections", required=True, help="a collections root holding ansible_collections/mediaops/live_jobs")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    collections = os.path.abspath(args.collections)

    with tempfile.TemporaryDirectory(prefix="watch500-") as tmp:
        workdir = Path(tmp)
        os.environ.update(CREDENTIAL_ENV)
        os.environ["MEDIAOPS_LIVE_JOBS_QUOTA_DIR"] = str(workdir / "quota")
        for name in ("ALIBABA_CLOUD_SECURITY_TOKEN", "VOLCENGINE_SESSION_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
                     "ALIBABA_CLOUD_ENDPOINT", "VOLCENGINE_ENDPOINT", "HUAWEICLOUD_ENDPOINT"):
            os.environ.pop(name, None)
        emulator, url = start_emulator(collections, workdir)
        try:
            plugin = runpy.run_path(os.path.join(collections, PLUGIN))
            checks = [dict(SCOPE.get(api, {}), api=api, label=api,
                           expect={f"gen-{api}-{number:04d}": "running" for number in range(1, count + 1)})
                      for api, count in MIX.items()]
            source_args = {"endpoint": url, "interval": args.interval, "checks": checks}
            started = time.monotonic()
            instance, events = asyncio.run(watch(plugin, source_args, args.seconds))
            elapsed = time.monotonic() - started
            emulated = stats(url)
        finally:
            emulator.terminate()
            emulator.wait(timeout=15)

    per_job = instance.stats()
    lanes = {lane.key[0]: lane for lane in instance.lanes}
    rows, failures = [], []
    for api, count in MIX.items():
        lane = lanes[api]
        jobs = per_job[api]
        polls = [row["polls"] for row in jobs.values()]
        gaps = [row["min_gap"] for row in jobs.values() if row["min_gap"] is not None]
        allowed = args.seconds / lane.period  # reads per job the quota and the interval allow in the window
        tally = emulated["limit_keys"].get(api, {})
        row = {
            "api": api, "jobs": count, "rate": lane.rate, "period": round(lane.period, 2), "chunks": len(lane.chunks),
            "polls_min": min(polls), "polls_mean": round(statistics.mean(polls), 2), "polls_max": max(polls),
            "polls_allowed": round(allowed, 2), "min_gap": round(min(gaps), 3) if gaps else None,
            "accepted": tally.get("accepted", 0), "throttled": tally.get("throttled", 0),
            "get_rate": round(tally.get("accepted", 0) / args.seconds, 2),
        }
        rows.append(row)
        if gaps and min(gaps) < args.interval:
            failures.append(f"{api}: a job was read {min(gaps):.3f}s after its previous read (interval {args.interval:g}s)")
        if statistics.mean(polls) < 0.8 * math.floor(allowed):
            failures.append(f"{api}: {statistics.mean(polls):.2f} reads per job, the quota allows {allowed:.2f}")
    errors = events.get("error", 0) + events.get("missing", 0)
    if errors:
        failures.append(f"{errors} error/missing events reached the queue")
    throttled = sum(row["throttled"] for row in rows)
    summary = {"jobs": sum(MIX.values()), "seconds": args.seconds, "interval": args.interval, "elapsed": round(elapsed, 1),
               "events": events, "error_events": errors, "throttled_replies": throttled, "apis": rows}

    header = f"{'api':<20} {'jobs':>4} {'rate/s':>6} {'pass s':>6} {'reads/job min/mean/max':>23} {'allowed':>7} " \
             f"{'min gap s':>9} {'Gets/s':>6} {'throttled':>9}"
    print(f"500-job watch: {args.seconds:g}s, interval {args.interval:g}s, emulator at the documented rate limits")
    print(header)
    for row in rows:
        reads = f"{row['polls_min']}/{row['polls_mean']}/{row['polls_max']}"
        print(f"{row['api']:<20} {row['jobs']:>4} {row['rate']:>6g} {row['period']:>6g} {reads:>23} {row['polls_allowed']:>7g} "
              f"{row['min_gap'] if row['min_gap'] is not None else '-':>9} {row['get_rate']:>6g} {row['throttled']:>9}")
    print(f"events: {events}; error events: {errors}; throttled replies (absorbed by the pacing): {throttled}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
