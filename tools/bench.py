#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench: benchmark the info modules against the vendor emulator (a script, not a test).

Every scenario starts its own emulator process (latency, rate limits and synthetic jobs as the scenario says), runs
real `ansible-playbook` tasks on localhost (connection local, the venv's Python as interpreter) and reads task wall
times from a small callback plugin (tools/bench/callback/bench_timer.py). Repetitions are tasks of one playbook,
after one untimed warm-up task; the table shows medians. Results: a table on stdout and build/bench/results.json.
The exit status is 1 when a target (issues #5, #12, #13, #14) is missed (the failed checks are listed).

Every scenario gets its own shared-quota directory (MEDIAOPS_LIVE_JOBS_QUOTA_DIR, a temporary directory removed
afterwards), so no scenario inherits the bucket state (a rate lowered by throttling) of an earlier one; the tasks and
playbooks of one scenario share it, as tasks on one controller do.

Adding a scenario (e.g. issue #8): write `def scenario_x(bench): ...` decorated with `@scenario("x", "title")`
below. Use `with bench.emulator(generate={...}, latency_ms=..., rate_limits={...}) as emu:`, build tasks with
`module_task(...)`, run them with `bench.playbook(emu, tasks)`, then `bench.metric(...)` / `bench.check(...)`.
`--only x` runs just that scenario. docs/performance.md explains the scenarios and the numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "tools" / "bench"
COLLECTIONS = ROOT / "build" / "collections"
OUT = ROOT / "build" / "bench"
VENV_BIN = Path(sys.executable).parent
PYTHON = Path(sys.executable)
FQCN = "mediaops.live_jobs"

# The emulator's bundled FAKE credentials (emulator/README.md), injected through the vendors' own variables.
CREDENTIAL_ENV = {
    "ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEmuLat0rAcc3ssKey01",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "EmuLat0rS3cr3tF0rL1veJ0bsAcc01",
    "ALIBABA_CLOUD_REGION_ID": "cn-shanghai",
    "VOLCENGINE_ACCESS_KEY": "AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ",
    "VOLCENGINE_SECRET_KEY": "RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx",
    "HUAWEICLOUD_SDK_AK": "HWEMULAT0RAKEXAMPLE1",
    "HUAWEICLOUD_SDK_SK": "HwEmuLat0rSecretKeyForLiveJobsTests00001",
    "HUAWEICLOUD_SDK_PROJECT_ID": "0e1d2c3b4a5968778695a4b3c2d1e0f1",
}

# Targets of issue #5 (start-up tightened by issue #12).
TARGET_SPEEDUP = 40.0
TARGET_RATE_FRACTION = 0.90
TARGET_STARTUP_RATIO = 1.15
TARGET_RSS_MB = 150.0
# Issue #13: a server quota below the module default is found and used; concurrent runs share one quota; a wrong
# secret stops after the requests already in flight.
TARGET_QUOTA_SHARE = 0.80
TARGET_CONCURRENT_THROTTLED = 10
# Issue #14: every group at once within 1.3 x the slowest group alone, plus 3 s.
TARGET_GROUPS_FACTOR, TARGET_GROUPS_SLACK_S = 1.3, 3.0
QUOTA_DIR_ENV = "MEDIAOPS_LIVE_JOBS_QUOTA_DIR"

# The Get fan-out is what scenarios a-e measure: pin it, so a List-backed batch (use_list=auto, issue #8) never
# replaces the N Gets. A List-backed scenario passes its own use_list.
GET_ONLY = {"use_list": "never"}

SCENARIOS = []


def scenario(key, title):
    """Register a scenario; they run in registration order."""
    def register(func):
        SCENARIOS.append((key, title, func))
        return func
    return register


def median(values):
    return statistics.median(values) if values else None


def gen_ids(api, count):
    return ["gen-%s-%04d" % (api, index) for index in range(1, count + 1)]


def module_task(module, job_ids, name=None, loop=None, **options):
    """A task of one of the collection's info modules; `loop` makes it a loop of one-id tasks over those ids."""
    args = dict(options)
    args["job_ids"] = ["{{ item }}"] if loop is not None else job_ids
    args.setdefault("endpoint", "{{ emulator_url }}")
    task = {"name": name or module, "%s.%s" % (FQCN, module): args}
    if loop is not None:
        task["loop"] = loop
        task["loop_control"] = {"label": "{{ item }}"}
    return task


def physical_limit(count, rate, latency_s, concurrency, startup_s):
    """max(N / rate_limit, N * latency / max_concurrency) + one module start-up (issue #5)."""
    return max(count / rate, count * latency_s / concurrency) + startup_s


class Emulator:
    """One emulator process; `url` is its base URL, `stats()` its /_emulator/stats."""

    def __init__(self, workdir, generate, latency_ms=0, rate_limits=None, no_rate_limit=False):
        self.workdir = workdir
        self.url = None
        self.process = None
        self.generate = generate
        self.latency_ms = latency_ms
        self.rate_limits = rate_limits or {}
        self.no_rate_limit = no_rate_limit

    def start(self):
        # PyYAML is ansible-core's dependency; only the emulator fixture needs it
        import yaml  # pylint: disable=import-outside-toplevel

        with open(ROOT / "emulator" / "data" / "default.yml", encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        document["jobs"] = {}
        document["generate"] = self.generate
        fixture = self.workdir / "fixture.json"
        fixture.write_text(json.dumps(document), encoding="utf-8")
        url_file = self.workdir / "emulator.url"
        url_file.unlink(missing_ok=True)
        cmd = [str(PYTHON), "-m", "ansible_collections.%s.emulator" % FQCN, "--port", "0", "--fixture", str(fixture),
               "--url-file", str(url_file), "--latency-ms", str(self.latency_ms)]
        if self.no_rate_limit:
            cmd.append("--no-rate-limit")
        for key, rps in self.rate_limits.items():
            cmd += ["--rate-limit", "%s=%s" % (key, rps)]
        env = dict(os.environ, PYTHONPATH=str(COLLECTIONS))
        log = open(self.workdir / "emulator.log", "w", encoding="utf-8")  # pylint: disable=consider-using-with
        self.process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)  # pylint: disable=consider-using-with
        log.close()
        deadline = time.monotonic() + 30
        while not url_file.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the emulator did not start; see %s" % (self.workdir / "emulator.log"))
            time.sleep(0.05)
        self.url = url_file.read_text(encoding="utf-8").strip()
        return self

    def stats(self):
        with urllib.request.urlopen(self.url + "/_emulator/stats", timeout=10) as response:
            return json.load(response)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Bench:
    """Shared state: options, the ansible environment, and the results being collected."""

    def __init__(self, args):
        self.args = args
        self.reps = args.reps
        self.results = {}
        self.rows = []
        self.checks = []
        self.current = None
        self.quota_dir = None   # the scenario's MEDIAOPS_LIVE_JOBS_QUOTA_DIR (main() makes one per scenario)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "tmp").mkdir(exist_ok=True)
        (OUT / "ansible.cfg").write_text("# empty on purpose: ansible defaults, whatever the caller's config\n", encoding="utf-8")
        self.inventory = OUT / "inventory.ini"
        self.inventory.write_text(self._inventory_line("localhost", PYTHON), encoding="utf-8")
        self.rss_python = self._write_rss_interpreter()

    @staticmethod
    def _inventory_line(host, interpreter):
        return "%s ansible_connection=local ansible_python_interpreter=%s\n" % (host, interpreter)

    def _write_rss_interpreter(self):
        template = (HELPERS / "rss_interpreter.py").read_text(encoding="utf-8")
        path = OUT / "rss-python"
        text = template.replace("@REAL_PYTHON@", str(PYTHON)).replace("@LOG@", str(OUT / "rss.jsonl"))
        path.write_text("#!%s -IS\n%s" % (PYTHON, text), encoding="utf-8")
        path.chmod(0o755)
        return path

    # ------------------------------------------------------------------ running things
    @contextlib.contextmanager
    def emulator(self, generate, latency_ms=0, rate_limits=None, no_rate_limit=False):
        workdir = OUT / "work" / self.current
        workdir.mkdir(parents=True, exist_ok=True)
        emu = Emulator(workdir, generate, latency_ms, rate_limits, no_rate_limit)
        try:
            yield emu.start()
        finally:
            emu.stop()

    def ansible_env(self):
        env = dict(os.environ)
        env.update(CREDENTIAL_ENV)
        env.update({
            "ANSIBLE_CONFIG": str(OUT / "ansible.cfg"),
            "ANSIBLE_COLLECTIONS_PATH": str(COLLECTIONS),
            "ANSIBLE_CALLBACK_PLUGINS": str(HELPERS / "callback"),
            "ANSIBLE_CALLBACKS_ENABLED": "bench_timer",
            "ANSIBLE_LOCAL_TEMP": str(OUT / "tmp"),
            "ANSIBLE_REMOTE_TMP": str(OUT / "tmp"),
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_RETRY_FILES_ENABLED": "0",
            "PATH": "%s%s%s" % (VENV_BIN, os.pathsep, os.environ.get("PATH", "")),
        })
        env.pop("MEDIAOPS_LIVE_JOBS_SHARED_QUOTA", None)  # the module default (shared) unless a scenario says otherwise
        if self.quota_dir is not None:
            env[QUOTA_DIR_ENV] = str(self.quota_dir)
        return env

    def playbook(self, emu, tasks, interpreter=None, warmup=None, label="run", env=None):
        """Run tasks (after an untimed warm-up task) in one playbook; returns the timed tasks' records."""
        return self.finish_playbook(self.start_playbook(emu, tasks, interpreter, warmup, label, env))

    def start_playbook(self, emu, tasks, interpreter=None, warmup=None, label="run", env=None):
        """Start ansible-playbook in the background (e.g. two runs at once); finish_playbook() waits for it."""
        workdir = OUT / "work" / self.current
        inventory = self.inventory
        if interpreter is not None:
            inventory = workdir / "inventory.ini"
            inventory.write_text(self._inventory_line("localhost", interpreter), encoding="utf-8")
        plays = [{"name": label, "hosts": "localhost", "gather_facts": False, "vars": {"emulator_url": emu.url},
                  "tasks": ([dict(warmup, name="warm-up")] if warmup else []) + tasks}]
        playbook = workdir / ("%s.yml" % label)
        playbook.write_text(json.dumps(plays, indent=1), encoding="utf-8")
        timer = workdir / ("%s.timer.json" % label)
        timer.unlink(missing_ok=True)
        run_env = self.ansible_env()
        run_env.update(env or {})
        run_env["BENCH_TIMER_OUT"] = str(timer)
        log_path = workdir / ("%s.log" % label)
        with open(log_path, "w", encoding="utf-8") as log:
            process = subprocess.Popen([str(VENV_BIN / "ansible-playbook"), "-i", str(inventory), str(playbook)],  # pylint: disable=consider-using-with
                                       stdout=log, stderr=subprocess.STDOUT, env=run_env, cwd=str(workdir))
        return {"process": process, "timer": timer, "log": log_path, "warmup": bool(warmup), "started": time.time()}

    @staticmethod
    def finish_playbook(run):
        code = run["process"].wait()
        run["ended"] = time.time()
        if not run["timer"].exists():
            raise RuntimeError("ansible-playbook wrote no timings (exit %s); see %s" % (code, run["log"]))
        records = json.loads(run["timer"].read_text(encoding="utf-8"))["tasks"]
        return records[1:] if run["warmup"] else records

    # ------------------------------------------------------------------ recording
    def metric(self, name, values, unit, fmt="{:.3f}", target=None, limit=None, note=None):
        """A table row; `values` are the runs (the median is shown); returns the median."""
        values = [v for v in (values if isinstance(values, list) else [values]) if v is not None]
        med = median(values)
        self.results[self.current]["metrics"][name] = {"median": med, "runs": values, "unit": unit, "target": target,
                                                       "physical_limit": limit, "note": note}
        self.rows.append((self.current, name, fmt.format(med) if med is not None else "n/a", unit, len(values),
                          "" if limit is None else fmt.format(limit), target or "", note or ""))
        return med

    def check(self, name, ok, detail):
        self.checks.append({"scenario": self.current, "check": name, "ok": bool(ok), "detail": detail})
        self.results[self.current]["checks"].append({"check": name, "ok": bool(ok), "detail": detail})

    def startup_seconds(self):
        """The module's one-id task time from scenario e (the 'one module start-up' of the physical limit), if it ran."""
        metric = self.results.get("e", {}).get("metrics", {}).get("module task, 1 id")
        return metric["median"] if metric else None


def task_seconds(records, name):
    return [r["seconds"] for r in records if r["name"] == name and r.get("seconds") is not None]


def task_results(records, name):
    return [r["result"] for r in records if r["name"] == name]


def surfaced_errors(result):
    """Errors the user sees: failed ids, or a failed task with nothing to count (e.g. a timeout)."""
    failed = result.get("failed_ids") or 0
    return failed if failed or not result.get("failed") else 1


# The info module (and its scope options, for the emulator's `generate:` jobs) of each API, and each API's module
# default rate_limit (plugins/module_utils/_api_*.py default_rate_limit; docs/docsite/rst/guide_performance.rst).
API_TASKS = {
    "ice_record": ("record_job_info", {}),
    "ice_snapshot": ("snapshot_job_info", {}),
    "live_edge_transcode": ("edge_transcode_job_info", {"cluster_id": "gen-cluster-1"}),
    "volc_pull_record": ("pull_record_task_info", {}),
    "huawei_record": ("record_job_info", {"provider": "huawei", "app_id": "gen-app-1"}),
}
MODULE_DEFAULT_RATE = {"ice_record": 50.0, "ice_snapshot": 50.0, "live_edge_transcode": 100.0, "volc_pull_record": 10.0,
                       "huawei_record": 10.0}
# A wrong secret for every vendor (the access keys stay the emulator's, so the signature is what fails).
WRONG_SECRET = "WrongSecretForTheBenchmarkOnly0000000000"


def api_task(api, job_ids, name=None, **options):
    """A task of the info module of `api` (scope options filled in); it never stops the playbook."""
    module, scope = API_TASKS[api]
    task = module_task(module, job_ids, name=name or api, **dict(scope, **options))
    task["ignore_errors"] = True
    return task


def api_tally(stats, api):
    """The emulator's per-API tally (Get and List together): requests, accepted, throttled, first/last_accepted_at."""
    return (stats.get("apis") or {}).get(api) or {}


def accepted_rate(tally):
    """Achieved accepted rate from the emulator's clock: (accepted - 1) / (last_accepted_at - first_accepted_at)."""
    accepted, first, last = tally.get("accepted") or 0, tally.get("first_accepted_at"), tally.get("last_accepted_at")
    if accepted < 2 or first is None or last is None or last <= first:
        return None
    return (accepted - 1) / (last - first)


def module_throttled(results):
    return sum((r.get("api_calls") or {}).get("throttled", 0) for r in results)


# ====================================================================== scenarios
@scenario("e", "start-up: one module task with 1 id vs one ansible.builtin.uri task (same emulator, no latency)")
def scenario_startup(bench):
    # 15 rounds at least: one pair of ~0.6 s tasks swings by +-0.3x under a neighbour's load; the median of 15 holds
    reps = max(bench.reps, 15)
    ids = gen_ids("ice_record", 1)
    module = module_task("record_job_info", ids, name="module", **GET_ONLY)
    uri = {"name": "uri", "ansible.builtin.uri": {"url": "{{ emulator_url }}/_emulator/health", "return_content": False}}
    # the floor any module keeping the runtime-dependency rule pays (tools/bench/library/startup_floor.py)
    floors = [{"name": name, "startup_floor": {"url": "{{ emulator_url }}/_emulator/health", "validate": validate}}
              for name, validate in (("floor: requests", "none"), ("floor: requests + pydantic", "pydantic"),
                                     ("floor: requests + pydantic-core only", "core"))]
    with bench.emulator({"ice_record": 10}, no_rate_limit=True) as emu:
        # interleaved, so drift in machine load hits all alike; one warm-up of each
        round_ = [uri, module] + floors
        warm = [dict(task, name=task["name"] + " warm-up") for task in round_]
        records = bench.playbook(emu, warm + round_ * reps, warmup=None, env={"ANSIBLE_LIBRARY": str(HELPERS / "library")})
        records = [r for r in records if not r["name"].endswith(" warm-up")]
        mod = bench.metric("module task, 1 id", task_seconds(records, "module"), "s")
        ref = bench.metric("ansible.builtin.uri task", task_seconds(records, "uri"), "s")
        failures = [r for name in ["module", "uri"] + [f["name"] for f in floors] for r in task_results(records, name)
                    if r["failed"]]
        # each task is compared with the uri task of its round: load drifts, neighbours see the same load
        ratio = bench.metric("module / uri (median of %d adjacent pairs)" % reps, _pair_ratios(records, "module"), "x",
                             fmt="{:.2f}", target="<= %.2fx" % TARGET_STARTUP_RATIO)
        for floor in floors:
            bench.metric("%s / uri" % floor["name"], _pair_ratios(records, floor["name"]), "x", fmt="{:.2f}",
                         note="median %.3f s: a bare module importing only that (no collection code)"
                         % median(task_seconds(records, floor["name"])))
        if ratio > TARGET_STARTUP_RATIO or bench.args.profile_startup:
            _profile_startup(bench, emu, module, uri)
    bench.check("start-up <= %.2fx ansible.builtin.uri" % TARGET_STARTUP_RATIO, ratio <= TARGET_STARTUP_RATIO and not failures,
                "median pair ratio %.2fx (medians: module %.3f s, uri %.3f s)%s"
                % (ratio, mod, ref, "; %d task(s) failed" % len(failures) if failures else ""))


def _pair_ratios(records, name):
    return [task / reference for reference, task in zip(task_seconds(records, "uri"), task_seconds(records, name))]


def _profile_startup(bench, emu, module, uri):
    """Where the module's start-up goes (tools/bench/startup_profile.py), from the kept AnsiballZ payloads of one
    module task and one uri task: CPU of each module process, CPU of each import stage and of the run, and
    `python -X importtime`; the table gets the headline rows, results.json the rest."""
    sys.path.insert(0, str(HELPERS))
    import startup_profile  # pylint: disable=import-outside-toplevel,import-error

    keep = OUT / "work" / bench.current / "kept"
    shutil.rmtree(keep, ignore_errors=True)
    keep.mkdir(parents=True)
    bench.playbook(emu, [module, uri], label="kept", env={"ANSIBLE_KEEP_REMOTE_FILES": "1", "ANSIBLE_REMOTE_TMP": str(keep)})
    payloads = {path.name: path for path in keep.glob("ansible-tmp-*/AnsiballZ_*.py")}
    env = dict(os.environ, **CREDENTIAL_ENV)
    env[QUOTA_DIR_ENV] = str(bench.quota_dir)
    # an ICE recording run with use_list never needs none of the other APIs' code and none of the List code
    found = startup_profile.profile(PYTHON, payloads["AnsiballZ_record_job_info.py"], payloads["AnsiballZ_uri.py"], env, str(ROOT),
                                    runs=bench.args.profile_runs,
                                    unneeded=("huawei", "volc", "snapshot", "edge", "_listing"))
    staged = {name: startup_profile.stages(PYTHON, payloads[payload], steps, str(keep), env=env, runs=bench.args.profile_runs * 2)
              for name, payload, steps in (("module", "AnsiballZ_record_job_info.py", startup_profile.ICE_RECORD_STAGES),
                                           ("uri", "AnsiballZ_uri.py", startup_profile.URI_STAGES))}
    found["stages"] = staged
    bench.results[bench.current]["startup_profile"] = found
    cpu = found["cpu_seconds"]
    bench.metric("profile: module process CPU (user+sys)", found["cpu_runs"]["module"], "s", note="uri process %.3f s: +%.0f ms"
                 % (cpu["reference"], (cpu["module"] - cpu["reference"]) * 1000))
    for name, result in staged.items():
        for stage in result["stages"]:
            bench.metric("profile [%s]: %s" % (name, stage["stage"]), stage["cpu_ms"], "ms CPU", fmt="{:.1f}")
        bench.metric("profile [%s]: total of the stages" % name, sum(stage["cpu_ms"] for stage in result["stages"]), "ms CPU",
                     fmt="{:.1f}", note="medians of %d fresh interpreters%s"
                     % (result["runs"], "; %d run(s) FAILED" % result["failed_runs"] if result["failed_runs"] else ""))
    unneeded = found["not_needed_for_this_run"]
    bench.metric("profile: collection code not needed by this run", sum(m["self_ms"] for m in unneeded), "ms", fmt="{:.1f}",
                 note="importtime self: " + ", ".join("%s %.1f" % (m["module"].rsplit(".", 1)[-1], m["self_ms"]) for m in unneeded[:5]))
    bench.metric("profile: collection lines compiled per run", float(found["collection_lines"]), "lines", fmt="{:.0f}",
                 note="%d modules from the AnsiballZ zip" % len(found["collection_modules"]))


@scenario("a", "one task with N ids vs a loop of N one-id tasks (N=200, 50 ms latency, 1000/s, max_concurrency 16)")
def scenario_task_vs_loop(bench):
    count, latency_ms, rate, concurrency = bench.args.n_loop, 50, 1000, 16
    ids = gen_ids("ice_record", count)
    opts = dict(max_concurrency=concurrency, rate_limit=rate, **GET_ONLY)
    one = module_task("record_job_info", ids, name="one", **opts)
    loop = module_task("record_job_info", None, name="loop", loop=ids, **opts)
    with bench.emulator({"ice_record": count}, latency_ms=latency_ms, rate_limits={"ice_record": rate}) as emu:
        records = bench.playbook(emu, [one] * bench.reps + [loop] * bench.args.loop_reps,
                                 warmup=module_task("record_job_info", ids[:1], **opts))
    one_s = median(task_seconds(records, "one"))
    startup = bench.startup_seconds()
    limit = physical_limit(count, rate, latency_ms / 1000, concurrency, startup) if startup else None
    bench.metric("one task, %d ids: wall" % count, task_seconds(records, "one"), "s", limit=limit)
    per_one = bench.metric("one task: s per id", [s / count for s in task_seconds(records, "one")], "s/id", fmt="{:.4f}")
    per_loop = bench.metric("loop of %d tasks: s per id" % count, [s / count for s in task_seconds(records, "loop")], "s/id",
                            fmt="{:.4f}", note="%d run(s): the slow part" % bench.args.loop_reps)
    speedup = bench.metric("speed-up per id (loop / one task)", per_loop / per_one, "x", fmt="{:.1f}", target=">= %.0fx" % TARGET_SPEEDUP)
    bad = [r for r in task_results(records, "one") if r["failed"] or r["jobs"] != count]
    bad += [item for r in records if r["name"] == "loop" for item in r["items"] if item["failed"] or item["jobs"] != 1]
    bench.check("one task >= %.0fx faster per id than the loop" % TARGET_SPEEDUP, speedup >= TARGET_SPEEDUP and not bad,
                "%.4f vs %.4f s/id = %.1fx (one task %.2f s)%s" % (per_one, per_loop, speedup, one_s,
                                                                   "; %d incomplete results" % len(bad) if bad else ""))


@scenario("b", "one task with N ids vs the official Alibaba ICE SDK calling sequentially (N=200, 50 ms, 1000/s)")
def scenario_sdk(bench):
    count, latency_ms, rate, concurrency = bench.args.n_loop, 50, 1000, 16
    ids = gen_ids("ice_record", count)
    opts = dict(max_concurrency=concurrency, rate_limit=rate, **GET_ONLY)
    workdir = OUT / "work" / bench.current
    with bench.emulator({"ice_record": count}, latency_ms=latency_ms, rate_limits={"ice_record": rate}) as emu:
        records = bench.playbook(emu, [module_task("record_job_info", ids, name="one", **opts)] * bench.reps,
                                 warmup=module_task("record_job_info", ids[:1], **opts))
        ids_file = workdir / "ids.json"
        ids_file.write_text(json.dumps(ids), encoding="utf-8")
        sdk_runs, sdk_out = [], []
        for _rep in range(bench.reps):
            started = time.monotonic()
            out = subprocess.run([str(PYTHON), str(HELPERS / "sdk_ice_sequential.py"), emu.url, str(ids_file)], check=True,
                                 capture_output=True, text=True, env=dict(os.environ, **CREDENTIAL_ENV)).stdout
            sdk_runs.append(time.monotonic() - started)
            sdk_out.append(json.loads(out.strip().splitlines()[-1]))
    one = bench.metric("one task, %d ids: wall" % count, task_seconds(records, "one"), "s")
    sdk = bench.metric("SDK script, %d sequential calls: wall" % count, sdk_runs, "s",
                       note="SDK import %.2f s" % median([o["import_seconds"] for o in sdk_out]))
    bench.metric("SDK script: s per id", [s / count for s in sdk_runs], "s/id", fmt="{:.4f}")
    ratio = bench.metric("speed-up (SDK script / one task)", sdk / one, "x", fmt="{:.1f}")
    errors = sum(o["errors"] for o in sdk_out) + sum(1 for r in task_results(records, "one") if r["failed"] or r["jobs"] != count)
    bench.check("one task faster than the sequential SDK script, every call answered", ratio > 1 and errors == 0,
                "%.2f s vs %.2f s = %.1fx%s" % (one, sdk, ratio, "; %d errors" % errors if errors else ""))


def _rate_scenario(bench, module, api, extra):
    """N_small and N_large ids per repetition: (N_large - N_small) / (t_large - t_small) is the rate sustained once
    running (start-up cancels out); N_large / t_large, start-up included, is shown too."""
    latency_ms, limit_rps, concurrency = 50, 10.0, 8
    small, large = bench.args.n_rate_small, bench.args.n_rate
    ids = gen_ids(api, large)
    extra = dict(extra, **GET_ONLY)
    tasks = [module_task(module, ids[:n], name="n=%d" % n, **extra) for _rep in range(bench.reps) for n in (small, large)]
    with bench.emulator({api: large}, latency_ms=latency_ms, rate_limits={api: limit_rps}) as emu:
        # module defaults otherwise (pacing at the API's documented limit, retries, max_concurrency 8)
        records = bench.playbook(emu, tasks, warmup=module_task(module, ids[:1], **extra))
        emulator_throttled = emu.stats().get("throttled", {}).get(api, 0)
    t_small, t_large = task_seconds(records, "n=%d" % small), task_seconds(records, "n=%d" % large)
    results = task_results(records, "n=%d" % small) + task_results(records, "n=%d" % large)
    startup = bench.startup_seconds()
    limit = physical_limit(large, limit_rps, latency_ms / 1000, concurrency, startup) if startup else None
    bench.metric("%s, %d ids: wall" % (api, large), t_large, "s", limit=limit)
    sustained = bench.metric("sustained rate / %g per s limit" % limit_rps,
                             [(large - small) / (b - a) / limit_rps for a, b in zip(t_small, t_large)], "", fmt="{:.3f}",
                             target=">= %.2f" % TARGET_RATE_FRACTION,
                             note="(%d - %d ids) / (t%d - t%d): start-up cancels" % (large, small, large, small))
    bench.metric("end-to-end rate / limit, %d ids" % large, [large / t / limit_rps for t in t_large], "", fmt="{:.3f}",
                 note="N / task wall, one start-up included")
    surfaced = sum(surfaced_errors(r) for r in results)
    absorbed_module = sum((r.get("api_calls") or {}).get("throttled", 0) for r in results)
    bench.metric("throttling errors surfaced (failed ids, failed tasks)", [float(surfaced)], "", fmt="{:.0f}", target="0")
    bench.metric("throttled replies absorbed (module api_calls.throttled)", [float(absorbed_module)], "", fmt="{:.0f}",
                 note="sum over %d tasks" % len(results))
    bench.metric("throttled replies counted by the emulator", [float(emulator_throttled)], "", fmt="{:.0f}",
                 note="same tasks + warm-up")
    complete = all(r["jobs"] == n for r, n in zip(results, [small] * bench.reps + [large] * bench.reps))
    bench.check("%s: >= %d%% of the limit sustained, 0 throttling errors surfaced" % (api, TARGET_RATE_FRACTION * 100),
                sustained >= TARGET_RATE_FRACTION and surfaced == 0 and complete,
                "%.1f%% of %g/s sustained, %d surfaced, %d absorbed (emulator: %d throttled)%s"
                % (sustained * 100, limit_rps, surfaced, absorbed_module, emulator_throttled, "" if complete else ", results incomplete"))


@scenario("c", "vendor limits enforced: Volcengine 10/s and Huawei 10/s (50 ms latency, module defaults, Get path)")
def scenario_rate_limits(bench):
    _rate_scenario(bench, "pull_record_task_info", "volc_pull_record", {})
    _rate_scenario(bench, "record_job_info", "huawei_record", {"provider": "huawei", "app_id": "gen-app-1"})


@scenario("d", "scaling: N = 10, 100, 1000 (50 ms latency, 1000/s, max_concurrency 16): wall time and peak RSS")
def scenario_scaling(bench):
    sizes, latency_ms, rate, concurrency = (10, 100, 1000), 50, 1000, 16
    ids = gen_ids("ice_record", max(sizes))
    opts = dict(max_concurrency=concurrency, rate_limit=rate, **GET_ONLY)
    rss_log = OUT / "rss.jsonl"
    rss_log.unlink(missing_ok=True)
    tasks = [module_task("record_job_info", ids[:n], name="n=%d" % n, **opts) for _rep in range(bench.reps) for n in sizes]
    with bench.emulator({"ice_record": max(sizes)}, latency_ms=latency_ms, rate_limits={"ice_record": rate}) as emu:
        records = bench.playbook(emu, tasks, interpreter=bench.rss_python, warmup=module_task("record_job_info", ids[:1], **opts))
    processes = [json.loads(line) for line in rss_log.read_text(encoding="utf-8").splitlines()][1:]  # [0] is the warm-up
    if len(processes) != len(records):
        raise RuntimeError("expected %d module processes in %s, found %d" % (len(records), rss_log, len(processes)))
    startup = bench.startup_seconds()
    wall, rss, threads = {}, {}, {}
    for n in sizes:
        picked = [(r, p) for r, p in zip(records, processes) if r["name"] == "n=%d" % n]
        limit = physical_limit(n, rate, latency_ms / 1000, concurrency, startup) if startup else None
        wall[n] = bench.metric("N=%d: wall" % n, [r["seconds"] for r, _proc in picked], "s", limit=limit)
        bench.metric("N=%d: s per id" % n, [r["seconds"] / n for r, _proc in picked], "s/id", fmt="{:.4f}")
        rss[n] = bench.metric("N=%d: peak RSS of the module process" % n, [p["maxrss_kb"] / 1024 for _rec, p in picked], "MB", fmt="{:.1f}",
                              target="< %.0f MB" % TARGET_RSS_MB if n == max(sizes) else None)
        threads[n] = max(p["threads_peak"] for _rec, p in picked)
        bad = [r for r, _proc in picked if r["result"]["failed"] or r["result"]["jobs"] != n]
        if bad:
            bench.check("N=%d: every id answered" % n, False, "%d run(s) incomplete" % len(bad))
    ideal_slope = latency_ms / 1000 / concurrency
    slope_small = (wall[100] - wall[10]) / 90
    slope_large = (wall[1000] - wall[100]) / 900
    bench.metric("marginal cost per id, N 100 -> 1000", slope_large, "s/id", fmt="{:.4f}",
                 note="10 -> 100: %.4f; latency/concurrency: %.4f" % (slope_small, ideal_slope))
    rss_small, rss_large = (rss[100] - rss[10]) * 1024 / 90, (rss[1000] - rss[100]) * 1024 / 900
    bench.metric("RSS growth per id, N 100 -> 1000", rss_large, "KB/id", fmt="{:.1f}", note="10 -> 100: %.1f" % rss_small)
    bench.metric("peak threads in the module process (N=1000)", [float(threads[1000])], "", fmt="{:.0f}",
                 target="<= %d" % (concurrency + 1), note="main + pool of max_concurrency")
    # Linear: each further id costs the same. A per-id cost growing with N (a quadratic scan, an unbounded pool) shows
    # as a marginal cost (time or RSS) for 100 -> 1000 well above the one for 10 -> 100; the time floor is the
    # latency-bound slope, the RSS floor 2 KB/id (page-sized noise at small N).
    linear = slope_large <= 1.5 * max(slope_small, ideal_slope) and rss_large <= 1.5 * max(rss_small, 2.0)
    bench.check("cost linear in N", linear,
                "marginal %.4f s/id for 100 -> 1000 vs %.4f for 10 -> 100 (latency/concurrency %.4f); RSS %.1f vs %.1f KB/id"
                % (slope_large, slope_small, ideal_slope, rss_large, rss_small))
    bench.check("peak RSS at N=1000 < %.0f MB" % TARGET_RSS_MB, rss[1000] < TARGET_RSS_MB, "%.1f MB" % rss[1000])
    bench.check("bounded thread pool (no per-id threads)", threads[1000] <= concurrency + 1,
                "peak %d threads at N=1000, max_concurrency %d" % (threads[1000], concurrency))


@scenario("l", "issue #8: Volcengine 500 ids at its documented limits (Get 10/s, List 50/s, 500 a page; 50 ms latency)")
def scenario_list_backed(bench):
    api, count, latency_ms = "volc_pull_record", 500, 50
    ids = gen_ids(api, count)
    limits = {api: 10.0, api + ".list": 50.0}  # the emulator enforces them; the module paces itself by its defaults
    get_only = module_task("pull_record_task_info", ids, name="get-only", use_list="never")
    list_backed = module_task("pull_record_task_info", ids, name="list-backed")  # use_list auto (the default)
    with bench.emulator({api: count}, latency_ms=latency_ms, rate_limits=limits) as emu:
        # one Get-only run (it takes ~50 s by design), the List-backed task bench.reps times
        records = bench.playbook(emu, [get_only] + [list_backed] * bench.reps,
                                 warmup=module_task("pull_record_task_info", ids[:1], use_list="never"))
        emulator_throttled = emu.stats().get("throttled", {}).get(api, 0)
    get_s, list_s = task_seconds(records, "get-only"), task_seconds(records, "list-backed")
    get_r, list_r = task_results(records, "get-only"), task_results(records, "list-backed")
    startup = bench.startup_seconds() or 0.0
    bench.metric("Get-only (use_list=never): wall", get_s, "s", limit=count / 10.0 + startup, note="1 run")
    bench.metric("Get-only: API calls", [float((r.get("api_calls") or {}).get("requests", 0)) for r in get_r], "", fmt="{:.0f}")
    bench.metric("List-backed (use_list=auto): wall", list_s, "s", limit=1 / 50.0 + latency_ms / 1000 + startup)
    bench.metric("List-backed: API calls", [float((r.get("api_calls") or {}).get("requests", 0)) for r in list_r], "", fmt="{:.0f}")
    speedup = bench.metric("speed-up Get-only / List-backed", [median(get_s) / s for s in list_s] if get_s else [], "x", fmt="{:.1f}")
    bench.metric("throttled replies counted by the emulator", [float(emulator_throttled)], "", fmt="{:.0f}", note="Get calls, all runs")
    same = bool(get_r) and all(r.get("jobs") == count and not r.get("failed") for r in get_r + list_r)
    bench.check("List-backed reads the same %d tasks with far fewer calls" % count,
                same and speedup is not None and speedup >= 5 and all((r.get("api_calls") or {}).get("requests") == 1 for r in list_r),
                "speed-up %.1fx, %s" % (speedup or 0, "all tasks found" if same else "results differ"))


@scenario("q", "issue #13: server quota at 1/5 of the module default: ICE snapshot 10/s, edge 20/s, Huawei 2/s (50 ms)")
def scenario_quota_fifth(bench):
    """The module paces at its default (50, 100, 10/s); the server allows a fifth. Every id must come back, 0 failed,
    and the accepted rate (the emulator's clock) must reach >= 80 % of the server's quota."""
    latency_ms = 50
    cases = (("ice_snapshot", bench.args.n_quota), ("live_edge_transcode", bench.args.n_quota),
             ("huawei_record", bench.args.n_quota_huawei))
    quotas = {api: MODULE_DEFAULT_RATE[api] / 5 for api, _count in cases}
    tasks = [api_task(api, gen_ids(api, count), **GET_ONLY) for api, count in cases]
    with bench.emulator(dict(cases), latency_ms=latency_ms, rate_limits=quotas) as emu:
        # no warm-up task: the first accepted call of each API starts that API's clock; module defaults otherwise
        records = bench.playbook(emu, tasks)
        stats = emu.stats()
    for api, count in cases:
        quota = quotas[api]
        result = task_results(records, api)[0]
        wall = task_seconds(records, api)[0]
        tally = api_tally(stats, api)
        rate = accepted_rate(tally)
        share = rate / quota if rate else 0.0
        label = "%s (server %g/s, module %g/s), %d ids" % (api, quota, MODULE_DEFAULT_RATE[api], count)
        bench.metric("%s: wall" % label, wall, "s", limit=count / quota, note="1 run")
        bench.metric("%s: ids returned" % api, float(result["jobs"] + result["missing_ids"]), "", fmt="{:.0f}", target="%d" % count)
        bench.metric("%s: failed ids" % api, float(result["failed_ids"]), "", fmt="{:.0f}", target="0")
        bench.metric("%s: throttled replies (emulator)" % api, float(tally.get("throttled", 0)), "", fmt="{:.0f}",
                     note="module api_calls.throttled: %d" % module_throttled([result]))
        bench.metric("%s: accepted rate" % api, rate, "1/s", fmt="{:.2f}",
                     note="(accepted - 1) / (last - first accepted); requests / task wall %.2f/s" % (tally.get("requests", 0) / wall))
        bench.metric("%s: share of the server quota" % api, share, "", fmt="{:.3f}", target=">= %.2f" % TARGET_QUOTA_SHARE)
        complete = result["jobs"] + result["missing_ids"] == count and result["failed_ids"] == 0 and not result["failed"]
        bench.check("%s at 1/5 of the default: every id, 0 failed, >= %d%% of the quota" % (api, TARGET_QUOTA_SHARE * 100),
                    complete and share >= TARGET_QUOTA_SHARE,
                    "%d/%d ids, %d failed, %.2f/s of %g/s = %.1f%%, %d throttled replies%s"
                    % (result["jobs"] + result["missing_ids"], count, result["failed_ids"], rate or 0, quota, share * 100,
                       tally.get("throttled", 0), "" if not result["failed"] else "; task failed: %s" % result["msg"][:120]))


@scenario("p", "issue #13: two ansible-playbook runs at once on one 10/s account (Huawei, then Volcengine; 100 ids each per run)")
def scenario_concurrent_runs(bench):
    """Per API, two playbooks started together, each reading the same 100 ids (Get path) with the same account: with
    the shared quota they split 10/s between them; with shared_quota false (figure only) each paces alone. The APIs
    run one after the other (Huawei, then Volcengine), each pair of runs started at the same moment."""
    apis, count, latency_ms, quota = ("huawei_record", "volc_pull_record"), bench.args.n_concurrent, 50, 10.0
    ids = {api: gen_ids(api, count) for api in apis}
    for mode, options in (("shared", {}), ("alone", {"shared_quota": False})):
        quota_dir = bench.quota_dir / mode
        quota_dir.mkdir()
        with bench.emulator({api: count for api in apis}, latency_ms=latency_ms, rate_limits={api: quota for api in apis}) as emu:
            records = {}
            for api in apis:
                task = api_task(api, ids[api], **dict(GET_ONLY, **options))
                runs = [bench.start_playbook(emu, [task], label="%s-%s-%d" % (mode, api, n), env={QUOTA_DIR_ENV: str(quota_dir)})
                        for n in (1, 2)]
                records[api] = [bench.finish_playbook(run) for run in runs]
            stats = emu.stats()
        suffix = "" if mode == "shared" else " [shared_quota: false]"
        total_throttled, complete = 0, True
        for api in apis:
            results = [task_results(run_records, api)[0] for run_records in records[api]]
            walls = [task_seconds(run_records, api)[0] for run_records in records[api]]
            tally = api_tally(stats, api)
            rate = accepted_rate(tally)
            span = (tally.get("last_accepted_at") or 0) - (tally.get("first_accepted_at") or 0)
            sent = tally.get("requests", 0) / span if span > 0 else None
            returned = [r["jobs"] + r["missing_ids"] for r in results]
            failed = sum(r["failed_ids"] for r in results)
            total_throttled += tally.get("throttled", 0)
            complete = complete and returned == [count, count] and failed == 0 and not any(r["failed"] for r in results)
            bench.metric("%s%s: ids returned, run 1 + run 2" % (api, suffix), float(sum(returned)), "", fmt="{:.0f}",
                         target="%d" % (2 * count) if mode == "shared" else None,
                         note="%s; %d failed" % (" + ".join(str(n) for n in returned), failed))
            bench.metric("%s%s: wall of each run's task" % (api, suffix), walls, "s", limit=2 * count / quota, note="2 runs")
            bench.metric("%s%s: throttled replies (emulator)" % (api, suffix), float(tally.get("throttled", 0)), "", fmt="{:.0f}",
                         note="module api_calls.throttled: %d" % module_throttled(results))
            bench.metric("%s%s: combined accepted rate" % (api, suffix), rate, "1/s", fmt="{:.2f}",
                         target="<= %g" % quota if mode == "shared" else None,
                         note="requests sent / same span: %.2f/s" % (sent or 0))
            bench.metric("%s%s: share of the quota used" % (api, suffix), (rate or 0) / quota, "", fmt="{:.3f}")
            if mode == "shared":
                # the server enforces its quota, so what is checked is that the runs together stay within it:
                # accepted (and sent) over the accepted span, 2 % allowed for the clocks' granularity
                bench.check("%s: two runs at once stay within the %g/s account quota" % (api, quota),
                            rate is not None and rate <= quota * 1.02,
                            "accepted %.2f/s, sent %.2f/s over %.1f s" % (rate or 0, sent or 0, span))
        if mode == "shared":
            bench.metric("throttled replies, both APIs, both runs", float(total_throttled), "", fmt="{:.0f}",
                         target="<= %d" % TARGET_CONCURRENT_THROTTLED)
            bench.check("two concurrent runs: every id in both, <= %d throttled replies" % TARGET_CONCURRENT_THROTTLED,
                        complete and total_throttled <= TARGET_CONCURRENT_THROTTLED,
                        "%s, %d throttled replies" % ("every id returned" if complete else "ids missing or failed", total_throttled))
        else:
            bench.metric("throttled replies, both APIs, both runs [shared_quota: false]", float(total_throttled), "", fmt="{:.0f}",
                         note="figure only: each run paces alone")


@scenario("w", "issue #13: a wrong secret, 300 ids, ICE recording and Huawei recording (50 ms, module defaults)")
def scenario_wrong_secret(bench):
    """Fail fast: after the first credential error nothing more goes to the account beyond what is in flight."""
    count, latency_ms, concurrency = 300, 50, 8   # max_concurrency: the module default
    apis = ("ice_record", "huawei_record")
    # module defaults, use_list (auto) included
    tasks = [api_task(api, gen_ids(api, count), secret_key=WRONG_SECRET) for api in apis]
    with bench.emulator({api: count for api in apis}, latency_ms=latency_ms) as emu:
        records = bench.playbook(emu, tasks)
        stats = emu.stats()
    for api in apis:
        result = task_results(records, api)[0]
        tally = api_tally(stats, api)
        sent = tally.get("requests", 0)
        bench.metric("%s: requests reaching the emulator" % api, float(sent), "", fmt="{:.0f}", target="<= %d" % (concurrency + 1),
                     note="signature failures: %d" % tally.get("signature_failures", 0))
        bench.metric("%s: ids in failed_ids" % api, float(result["failed_ids"]), "", fmt="{:.0f}", target="%d" % count)
        bench.metric("%s: message length" % api, float(result["msg_length"]), "chars", fmt="{:.0f}",
                     note="%d line(s)" % result["msg_lines"])
        bench.metric("%s: wall" % api, task_seconds(records, api), "s")
        bench.check("%s, wrong secret: <= %d requests, all %d ids failed, short message" % (api, concurrency + 1, count),
                    sent <= concurrency + 1 and result["failed_ids"] == count and result["failed"] and result["msg_length"] <= 1000,
                    "%d requests, %d failed ids, message %d chars: %s" % (sent, result["failed_ids"], result["msg_length"],
                                                                          " ".join(result["msg"].split())[:160]))


def readiness_group(api, job_ids, status="running"):
    _module, scope = API_TASKS[api]
    group = {"api": api, "label": api, "expect": {job_id: status for job_id in job_ids}}
    group.update({key: value for key, value in scope.items() if key != "provider"})
    return group


@scenario("g", "issue #14: five groups of 60 ids (one per API) at the documented limits, 50 ms: each alone vs all in one task")
def scenario_groups(bench):
    apis = ("ice_record", "ice_snapshot", "live_edge_transcode", "volc_pull_record", "huawei_record")
    count, latency_ms = bench.args.n_group, 50
    ids = {api: gen_ids(api, count) for api in apis}

    def readiness(name, groups):
        return {"name": name, "ignore_errors": True,
                "%s.readiness_info" % FQCN: {"checks": groups, "endpoint": "{{ emulator_url }}"}}

    tasks = []
    for _rep in range(bench.reps):
        tasks += [readiness("alone:%s" % api, [readiness_group(api, ids[api])]) for api in apis]
        tasks.append(readiness("all five", [readiness_group(api, ids[api]) for api in apis]))
        tasks += [api_task(api, ids[api], name="old:%s" % api) for api in apis]   # the old playbook: one task after another
    warmup = readiness("warm-up", [readiness_group("ice_record", ids["ice_record"][:1])])
    # the emulator's default limits are the documented ones (ICE 100/s, edge 100/s, Volcengine 10/s, Huawei 10/s)
    with bench.emulator({api: count for api in apis}, latency_ms=latency_ms) as emu:
        records = bench.playbook(emu, tasks, warmup=warmup)
        stats = emu.stats()
    alone = {api: bench.metric("%s alone (readiness_info, 1 group)" % api, task_seconds(records, "alone:%s" % api), "s")
             for api in apis}
    slowest_api = max(alone, key=alone.get)
    slowest = alone[slowest_api]
    target = TARGET_GROUPS_FACTOR * slowest + TARGET_GROUPS_SLACK_S
    all_results = task_results(records, "all five")
    startup = bench.startup_seconds()
    # the slowest group's own limit: 60 ids at the module's default rate for the API, or latency-bound over 8 workers
    limit = max(physical_limit(count, MODULE_DEFAULT_RATE[api], latency_ms / 1000, 8, startup) for api in apis) if startup else None
    inner = [max(g["seconds"] for g in r["readiness"]["groups"]) for r in all_results if r.get("readiness")]
    together = bench.metric("all five groups in one readiness_info task", task_seconds(records, "all five"), "s",
                            target="<= %.1f" % target, limit=limit,
                            note="slowest group inside the task %.2f s; target %.1f x %s alone + %g s"
                            % (median(inner) or 0, TARGET_GROUPS_FACTOR, slowest_api, TARGET_GROUPS_SLACK_S))
    old = [sum(task_seconds(records, "old:%s" % api)[rep] for api in apis) for rep in range(bench.reps)]
    bench.metric("old way: five info-module tasks one after another (sum)", old, "s",
                 note="tasks only; the old playbook's set_fact/assert plumbing not included")
    bench.metric("speed-up old way / one readiness_info task", median(old) / together if together else None, "x", fmt="{:.1f}")
    bench.metric("throttled replies counted by the emulator", float(sum(stats.get("throttled", {}).values())), "", fmt="{:.0f}",
                 note="all tasks")
    rows_ok = all(r.get("readiness") and r["readiness"]["summary"]["total"] == len(apis) * count
                  and r["readiness"]["summary"]["unchecked"] == 0 and not r["failed"] for r in all_results)
    bench.check("five groups at once <= %.1f x the slowest alone + %g s, every job checked" % (TARGET_GROUPS_FACTOR, TARGET_GROUPS_SLACK_S),
                together is not None and together <= target and rows_ok,
                "%.2f s vs %.2f s (= %.1f x %.2f s %s alone + %g s); old way %.2f s%s"
                % (together or 0, target, TARGET_GROUPS_FACTOR, slowest, slowest_api, TARGET_GROUPS_SLACK_S, median(old),
                   "" if rows_ok else "; some rows unchecked or the task failed"))


# ====================================================================== main
def print_table(bench):
    headers = ("", "metric", "median", "unit", "runs", "limit", "target", "note")
    rows = [headers] + [tuple(str(c) for c in row) for row in bench.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(headers))]
    last = None
    for row in rows:
        key = row[0]
        shown = (key if key != last else "",) + row[1:]
        last = key
        print("  ".join(cell.ljust(width) if i in (0, 1, 3, 6, 7) else cell.rjust(width)
                        for i, (cell, width) in enumerate(zip(shown, widths))).rstrip())
        if row is headers:
            print("  ".join("-" * w for w in widths))


def machine():
    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}
    try:
        info["loadavg_at_start"] = os.getloadavg()
    except OSError:
        pass
    try:
        info["ansible_core"] = subprocess.run([str(VENV_BIN / "ansible"), "--version"], capture_output=True, text=True,
                                              check=False).stdout.splitlines()[0]
    except (OSError, IndexError):
        pass
    return info


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--reps", type=int, default=int(os.environ.get("BENCH_REPS", 3)),
                        help="repetitions per measurement (default 3; env BENCH_REPS)")
    parser.add_argument("--loop-reps", type=int, default=int(os.environ.get("BENCH_LOOP_REPS", 1)),
                        help="runs of the slow loop of N tasks in scenario a (default 1; env BENCH_LOOP_REPS)")
    parser.add_argument("--n-loop", type=int, default=200, help="N for scenarios a and b (default 200)")
    parser.add_argument("--n-rate", type=int, default=120, help="larger N per vendor for scenario c (default 120)")
    parser.add_argument("--n-rate-small", type=int, default=20, help="smaller N per vendor for scenario c (default 20)")
    parser.add_argument("--n-quota", type=int, default=300, help="ids for ICE snapshot and edge in scenario q (default 300)")
    parser.add_argument("--n-quota-huawei", type=int, default=100, help="Huawei ids in scenario q (default 100)")
    parser.add_argument("--n-concurrent", type=int, default=100, help="ids per API per run in scenario p (default 100)")
    parser.add_argument("--n-group", type=int, default=60, help="ids per group in scenario g (default 60)")
    parser.add_argument("--profile-startup", action="store_true",
                        help="profile the module's start-up in scenario e even when the target is met")
    parser.add_argument("--profile-runs", type=int, default=7, help="runs per payload of the start-up profile (default 7)")
    parser.add_argument("--only", action="append", metavar="KEY", help="run only these scenarios (repeatable): %s"
                        % ", ".join(entry[0] for entry in SCENARIOS))
    parser.add_argument("--out", default=str(OUT / "results.json"), help="JSON results file (default build/bench/results.json)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    bench = Bench(args)
    info = machine()
    started = time.monotonic()
    chosen = [s for s in SCENARIOS if not args.only or s[0] in args.only]
    for key, title, func in chosen:
        print("==> %s: %s" % (key, title), flush=True)
        bench.current = key
        bench.results[key] = {"title": title, "metrics": {}, "checks": []}
        t0 = time.monotonic()
        bench.quota_dir = Path(tempfile.mkdtemp(prefix="bench-quota-%s-" % key))
        try:
            func(bench)
        except Exception as exc:  # pylint: disable=broad-exception-caught
            bench.check("scenario ran", False, "%s: %s" % (type(exc).__name__, exc))
        finally:
            shutil.rmtree(bench.quota_dir, ignore_errors=True)
            bench.quota_dir = None
        bench.results[key]["seconds"] = round(time.monotonic() - t0, 1)
        print("    done in %.0f s" % bench.results[key]["seconds"], flush=True)
    total = time.monotonic() - started
    print()
    for key, title, _func in chosen:
        print("%s: %s" % (key, title))
    print()
    print_table(bench)
    print()
    failed = [c for c in bench.checks if not c["ok"]]
    for item in bench.checks:
        print("%-4s [%s] %s: %s" % ("ok" if item["ok"] else "MISS", item["scenario"], item["check"], item["detail"]))
    try:
        info["loadavg_at_end"] = os.getloadavg()
    except OSError:
        pass
    document = {"machine": info, "config": {k: v for k, v in vars(args).items() if k != "out"},
                "scenarios": bench.results, "checks": bench.checks, "targets_met": not failed, "total_seconds": round(total, 1)}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(out.parent), prefix=".results-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2)
    os.replace(tmp, out)
    print()
    load = info.get("loadavg_at_start"), info.get("loadavg_at_end")
    print("machine: %s CPUs, load average %s at start, %s at end (other work on the machine slows every row)"
          % (info.get("cpus"), "/".join("%.1f" % x for x in load[0] or ()), "/".join("%.1f" % x for x in load[1] or ())))
    print("results: %s; total %.0f s" % (out, total))
    if failed:
        print("TARGETS MISSED: %s" % "; ".join("[%s] %s" % (c["scenario"], c["check"]) for c in failed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
