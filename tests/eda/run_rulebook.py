# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the real ansible-rulebook with tests/eda/rulebooks/watch_flip.yml against a running emulator and check it.

Called by tools/eda.sh (make eda) with ansible-rulebook, ansible-playbook and ansible-galaxy on PATH, JAVA_HOME set,
ANSIBLE_COLLECTIONS_PATH pointing at a collections root holding mediaops.live_jobs, and the emulator's credentials in
the environment. Steps: start ansible-rulebook (output -> OUT/rulebook-run.log); wait for the first-seen event of
every watched job; flip evt-rec-002 from running to paused with the emulator's control API; wait for the job-left
rule ("JOB LEFT ..." from its debug action, then the line the playbook appends); keep watching for a few intervals;
flip the sentinel job so the rulebook's shutdown action ends the run. Fails unless the rule fired exactly once, with
previous_status running and status paused, within two intervals of the flip, no job ever had two events in a row
with the same status, and ansible-rulebook exited 0. Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

WATCHED = {("ICE recordings", "evt-rec-001"), ("ICE recordings", "evt-rec-002"), ("ICE recordings", "evt-rec-005"),
           ("Sentinel", "evt-snap-008"), ("SparkRTC recordings", "evt-rtc-001")}
FLIP = ("ice_record", "evt-rec-002", "paused")          # raw ICE value paused -> normalized paused
SENTINEL = ("ice_snapshot", "evt-snap-008", "started")  # init (pending) -> running: the shutdown rule


def control(url, method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(f"{url}/_emulator/{path}", data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


class Log:
    """The rulebook's output file, read as it grows: print_event lines parsed back into events."""

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.lines = []
        self.events = []

    def poll(self):
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            data = handle.read()
        end = data.rfind(b"\n") + 1
        self.offset += end
        for raw in data[:end].decode("utf-8", "replace").splitlines():
            stamp = time.monotonic()
            self.lines.append((stamp, raw))
            if raw.startswith("{'meta'") and "'live_job'" in raw:
                self.events.append((stamp, ast.literal_eval(raw)["live_job"]))

    def wait(self, what, predicate, timeout, process):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.poll()
            found = predicate()
            if found:
                return found
            if process.poll() is not None:
                self.poll()
                raise SystemExit(f"FAIL: ansible-rulebook exited (rc {process.returncode}) while waiting for {what}")
            time.sleep(0.05)
        raise SystemExit(f"FAIL: no {what} within {timeout:g}s")

    def rule_lines(self, job_id):
        return [(stamp, line) for stamp, line in self.lines if line.startswith(f"JOB LEFT {job_id} ")]


def records(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def repeats(events):
    """Consecutive events of one job with the same status (the source must never send them)."""
    last, bad = {}, []
    for _stamp, event in events:
        key = (event["label"], event["job_id"])
        if key in last and last[key] == event["status"]:
            bad.append(key)
        last[key] = event["status"]
    return bad


def validate(rulebooks):
    """Each rulebook through ansible-rulebook's own schema and parser (conditions included), before any run.

    A run_playbook action naming a playbook by FQCN must find it in the collection (playbooks/<name>.yml)."""
    # pylint: disable=import-outside-toplevel
    import yaml
    from ansible_rulebook.collection import has_playbook, split_collection_name
    from ansible_rulebook.rules_parser import parse_rule_sets
    from ansible_rulebook.validators import Validate

    problems = []
    for path in rulebooks:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        Validate.rulebook(data)
        rule_sets = parse_rule_sets(data)
        names = [rule.name for rule_set in rule_sets for rule in rule_set.rules]
        print(f"eda: {path.name}: valid rulebook, rules {names}", flush=True)
        for rule_set in data:
            for rule in rule_set["rules"]:
                for action in rule.get("actions") or [rule["action"]]:
                    name = (action.get("run_playbook") or {}).get("name", "")
                    if name.count(".") >= 2 and "{" not in name and "/" not in name and not has_playbook(*split_collection_name(name)):
                        problems.append(f"{path.name}: rule {rule['name']!r} runs playbook {name}, which the collection does not have")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--emulator-url", required=True)
    parser.add_argument("--rulebook", type=Path, required=True)
    parser.add_argument("--inventory", type=Path, required=True)
    parser.add_argument("--playbook", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--interval", type=float, default=1.0, help="the rulebook's interval (seconds)")
    parser.add_argument("--startup-timeout", type=float, default=120.0)
    parser.add_argument("--validate", type=Path, action="append", default=[], help="another rulebook to validate (e.g. the example)")
    args = parser.parse_args()

    problems = validate([args.rulebook] + args.validate)

    args.out.mkdir(parents=True, exist_ok=True)
    log_path, record_path, vars_path = args.out / "rulebook-run.log", args.out / "job-left.jsonl", args.out / "vars.yml"
    for path in (log_path, record_path):
        path.unlink(missing_ok=True)
    vars_path.write_text(json.dumps({"emulator_url": args.emulator_url, "job_left_playbook": str(args.playbook.resolve())}) + "\n",
                         encoding="utf-8")
    env = dict(os.environ, PYTHONUNBUFFERED="1", LIVE_JOBS_WATCH_LOG=str(record_path.resolve()), ANSIBLE_NOCOLOR="1",
               ANSIBLE_FORCE_COLOR="0", NO_COLOR="1")
    command = ["ansible-rulebook", "-i", str(args.inventory), "--rulebook", str(args.rulebook), "--vars", str(vars_path)]
    print("eda: " + " ".join(command), flush=True)
    started = time.monotonic()
    with open(log_path, "wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=args.out)  # pylint: disable=consider-using-with
    log = Log(log_path)
    try:
        log.wait("first-seen event of every watched job", lambda: WATCHED <= {(e["label"], e["job_id"]) for _s, e in log.events},
                 args.startup_timeout, process)
        print(f"eda: ansible-rulebook up, {len(log.events)} first-seen events after {time.monotonic() - started:.1f}s", flush=True)
        time.sleep(2 * args.interval)  # steady state: every job read again at least once
        api, job_id, raw = FLIP
        flipped = time.monotonic()
        control(args.emulator_url, "POST", f"jobs/{api}/{job_id}", {"status": raw})
        fired = log.wait("job-left rule for " + job_id, lambda: log.rule_lines(job_id), 10 * args.interval + 10, process)
        latency = fired[0][0] - flipped
        print(f"eda: flip of {job_id} reached the rule after {latency:.2f}s (interval {args.interval:g}s)", flush=True)
        log.wait("record of the job-left playbook", lambda: records(record_path), 120, process)
        time.sleep(4 * args.interval)  # several more reads: nothing may repeat
        api, sentinel, raw = SENTINEL
        control(args.emulator_url, "POST", f"jobs/{api}/{sentinel}", {"status": raw})
        try:
            rc = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise SystemExit("FAIL: ansible-rulebook did not shut down within 60s of the sentinel flip") from None
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    log.poll()

    flips = [event for _stamp, event in log.events if event["job_id"] == job_id]
    rule = log.rule_lines(job_id)
    lines = records(record_path)
    failures = []
    if len(rule) != 1:
        failures.append(f"the job-left rule fired {len(rule)} times for {job_id} (want 1): {[line for _s, line in rule]}")
    if [(e["previous_status"], e["status"]) for e in flips] != [(None, "running"), ("running", "paused")]:
        failures.append(f"events of {job_id}: {[(e['previous_status'], e['status']) for e in flips]}")
    if len(lines) != 1 or {k: lines[0].get(k) for k in ("job_id", "previous_status", "status")} != {
            "job_id": job_id, "previous_status": "running", "status": "paused"}:
        failures.append(f"job-left playbook records: {lines}")
    if latency > 2 * args.interval:
        failures.append(f"the flip reached the rule after {latency:.2f}s, more than two intervals")
    if repeats(log.events):
        failures.append(f"repeated events: {repeats(log.events)}")
    if rc != 0:
        failures.append(f"ansible-rulebook exited {rc}")
    if not any("initiated shutdown" in line for _s, line in log.lines):
        failures.append("no shutdown line in the rulebook output")
    # the example rulebook's playbook must be reachable by FQCN (the collection's playbooks/)
    failures.extend(problems)
    summary = {
        "events": len(log.events), "rule_fired": len(rule), "rule_line": rule[0][1] if rule else None,
        "record": lines[0] if lines else None, "latency_seconds": round(latency, 3), "interval": args.interval,
        "rc": rc, "seconds": round(time.monotonic() - started, 1), "warnings": problems,
    }
    (args.out / "rulebook-summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print("eda: " + json.dumps(summary), flush=True)
    if failures:
        for failure in failures:
            print(f"FAIL: {failure}", file=sys.stderr)
        print(f"eda: the rulebook output is in {log_path}", file=sys.stderr)
        return 1
    print(f"eda: ok - rule fired once ({rule[0][1]}), {latency:.2f}s after the flip; output in {log_path}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
