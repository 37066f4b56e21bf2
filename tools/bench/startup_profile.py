# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Start-up profile of a module process (tools/bench.py scenario e; a helper, not part of the collection).

Given two kept AnsiballZ payloads (ANSIBLE_KEEP_REMOTE_FILES=1), e.g. record_job_info and ansible.builtin.uri, it
runs each several times, alternating, and measures:

* the CPU time (user + system, reaped with os.wait4) of each module process: what the module costs beyond `uri`;
* `python -X importtime` of each: the self time of every imported module (minimum over the runs, which is the least
  disturbed by other load), grouped (the collection's own code, ansible-core, the pydantic stack, the requests
  stack, the rest), the modules the live-jobs module imports that `uri` does not, and the collection's own modules
  with their self time and lines. The AnsiballZ payload is a zip: Python keeps no .pyc for zip imports, so every line
  of the collection's code that is imported is compiled again on every run.

Standard library only.
"""

from __future__ import annotations

import collections
import os
import re
import statistics
import subprocess
import time

COLLECTION_PREFIX = "ansible_collections.mediaops.live_jobs."
GROUPS = (
    ("collection code", ("ansible_collections.mediaops",)),
    ("ansible-core", ("ansible",)),
    ("pydantic stack", ("pydantic", "pydantic_core", "annotated_types", "typing_inspection", "typing_extensions")),
    ("requests stack", ("requests", "urllib3", "charset_normalizer", "idna", "certifi")),
)
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def group_of(name):
    top = name.split(".")[0]
    for label, prefixes in GROUPS:
        if any(name == prefix or name.startswith(prefix + ".") or top == prefix for prefix in prefixes):
            return label
    return "other (stdlib, ...)"


def parse_importtime(text):
    """{module: (self_us, cumulative_us)} from python -X importtime output."""
    found = {}
    for line in text.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            found[match.group(4)] = (int(match.group(1)), int(match.group(2)))
    return found


def _run(python, payload, env, importtime=False):
    cmd = [str(python)] + (["-X", "importtime"] if importtime else []) + [str(payload)]
    started = time.monotonic()
    stderr_to = subprocess.PIPE if importtime else subprocess.DEVNULL
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr_to, env=env)  # pylint: disable=consider-using-with
    stderr = process.stderr.read().decode("utf-8", "replace") if importtime else ""
    _pid, _status, usage = os.wait4(process.pid, 0)
    if process.stderr:
        process.stderr.close()
    return usage.ru_utime + usage.ru_stime, time.monotonic() - started, stderr


def source_lines(name, root):
    """Lines of the collection module `name` in the source tree (its .py file or package __init__.py)."""
    relative = name[len(COLLECTION_PREFIX):].replace(".", os.sep) if name.startswith(COLLECTION_PREFIX) else None
    if not relative:
        return 0
    for candidate in (os.path.join(root, relative + ".py"), os.path.join(root, relative, "__init__.py")):
        if os.path.exists(candidate):
            with open(candidate, encoding="utf-8") as handle:
                return sum(1 for _line in handle)
    return 0


def profile(python, module_payload, reference_payload, env, root, runs=7, unneeded=()):
    """Profile two AnsiballZ payloads; `unneeded`: substrings of collection module names this run should not need."""
    cpu = {"module": [], "reference": []}
    wall = {"module": [], "reference": []}
    imports = {"module": collections.defaultdict(list), "reference": collections.defaultdict(list)}
    payloads = {"module": module_payload, "reference": reference_payload}
    for _run_index in range(runs):
        for side, payload in payloads.items():   # alternating: drifting load hits both alike
            seconds, elapsed, _stderr = _run(python, payload, env)
            cpu[side].append(seconds)
            wall[side].append(elapsed)
        for side, payload in payloads.items():
            _s, _w, text = _run(python, payload, env, importtime=True)
            for name, (self_us, _cumulative) in parse_importtime(text).items():
                imports[side][name].append(self_us)
    self_ms = {side: {name: min(values) / 1000.0 for name, values in found.items()} for side, found in imports.items()}
    groups = {}
    for side, found in self_ms.items():
        totals = collections.Counter()
        for name, value in found.items():
            totals[group_of(name)] += value
        groups[side] = dict(totals)
    extra = {name: value for name, value in self_ms["module"].items() if name not in self_ms["reference"]}
    extra_groups = collections.Counter()
    for name, value in extra.items():
        extra_groups[group_of(name)] += value
    own = sorted(((name, value, source_lines(name, root)) for name, value in self_ms["module"].items()
                  if name.startswith("ansible_collections.mediaops")), key=lambda item: -item[1])
    not_needed = [(name, value, lines) for name, value, lines in own
                  if any(part in name[len(COLLECTION_PREFIX):] for part in unneeded)]
    return {
        "runs": runs,
        "cpu_seconds": {side: statistics.median(values) for side, values in cpu.items()},
        "cpu_runs": cpu,
        "wall_seconds": {side: statistics.median(values) for side, values in wall.items()},
        "import_self_ms_total": {side: sum(found.values()) for side, found in self_ms.items()},
        "import_self_ms_by_group": groups,
        "extra_imports_ms_by_group": dict(extra_groups),
        "extra_imports_count": len(extra),
        "extra_imports_top": sorted(extra.items(), key=lambda item: -item[1])[:25],
        "collection_modules": [{"module": name, "self_ms": round(value, 2), "lines": lines} for name, value, lines in own],
        "collection_lines": sum(lines for _name, _value, lines in own),
        "not_needed_for_this_run": [{"module": name, "self_ms": round(value, 2), "lines": lines} for name, value, lines in not_needed],
    }


# What a record_job_info run for ICE imports, in the order it needs it; each stage's CPU is measured as the increase of
# time.process_time() (immune to waiting for a CPU on a loaded machine), in a fresh interpreter per run, with the
# payload's own zip on sys.path (so the collection's and ansible-core's module_utils are compiled as in a real run).
_RUN_MODULE = "run_module()"
ICE_RECORD_STAGES = (
    ("import ansible.module_utils.basic", "import ansible.module_utils.basic"),
    ("import requests (HTTPAdapter)", "from requests.adapters import HTTPAdapter"),
    ("import pydantic-core", "from pydantic_core import SchemaValidator, ValidationError, core_schema"),
    ("import _api_ice_record + its module_utils",   # descriptors, vendor alibaba, signer, models, normalize, transport
     "import ansible_collections.mediaops.live_jobs.plugins.module_utils._api_ice_record"),
    ("import module (session, fetch, quota, ...)",   # credentials, pacing, inputs, messages
     "import ansible_collections.mediaops.live_jobs.plugins.module_utils.module"),
    ("import _api_huawei_record (unused: ICE run)",   # vendor huawei and its signer
     "import ansible_collections.mediaops.live_jobs.plugins.module_utils._api_huawei_record"),
    ("import the module file", "import ansible_collections.mediaops.live_jobs.plugins.modules.record_job_info"),
    # argument spec, credentials, quota file, one signed request, pydantic validation, the JSON result
    ("run: args, request, validation, result", _RUN_MODULE),
)
URI_STAGES = (
    ("import ansible.module_utils.basic", "import ansible.module_utils.basic"),
    ("import ansible.module_utils.urls", "import ansible.module_utils.urls"),
    ("import the module file", "import ansible.modules.uri"),
    ("run: args, request, result", _RUN_MODULE),
)
_STAGE_RUNNER = r"""
import contextlib, io, json, sys, time
ZIP, STEPS, PARAMS, FQN = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
sys.path.insert(0, ZIP)
OUTPUT = io.StringIO()

def run_module():
    # what the AnsiballZ wrapper does after its imports: argument spec, the run, the JSON result on stdout
    from ansible.module_utils._internal._ansiballz import _loader
    with contextlib.redirect_stdout(OUTPUT):
        try:
            _loader.run_module(json_params=PARAMS.encode(), profile="legacy", module_fqn=FQN, modlib_path=ZIP, extensions={})
        except SystemExit:
            pass

out = []
for code in STEPS:
    before = time.process_time()
    exec(code)
    out.append(time.process_time() - before)
text = OUTPUT.getvalue().strip()
try:
    failed = bool(json.loads(text.splitlines()[-1]).get("failed")) if text else None
except ValueError:
    failed = True
print(json.dumps({"cpu": out, "failed": failed}))
"""


def unpack_payload(payload, directory):
    """(zip path, module params JSON, module FQN) of an AnsiballZ payload; the zip is written to directory."""
    import base64  # pylint: disable=import-outside-toplevel

    with open(payload, encoding="utf-8") as handle:
        text = handle.read()
    found = {key: re.search(r"^%s='(.*)',$" % key, text, re.MULTILINE) for key in ("zip_data", "params", "module_fqn")}
    missing = [key for key, match in found.items() if not match]
    if missing:
        raise RuntimeError("no %s in %s" % (", ".join(missing), payload))
    path = os.path.join(directory, os.path.basename(str(payload)) + ".zip")
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(found["zip_data"].group(1)))
    return path, found["params"].group(1), found["module_fqn"].group(1)


def stages(python, payload, steps, directory, env=None, runs=15):
    """Median CPU ms of each stage (see ICE_RECORD_STAGES) over `runs` fresh interpreters, and whether every run's
    module result was a success."""
    import json  # pylint: disable=import-outside-toplevel

    zip_path, params, fqn = unpack_payload(payload, directory)
    codes = json.dumps([code for _label, code in steps])
    samples, failed = [], 0
    for _run_index in range(runs):
        out = subprocess.run([str(python), "-c", _STAGE_RUNNER, zip_path, codes, params, fqn], capture_output=True, text=True,
                             check=True, env=env)
        sample = json.loads(out.stdout.strip().splitlines()[-1])
        samples.append(sample["cpu"])
        failed += int(bool(sample["failed"]))
    return {"stages": [{"stage": label, "cpu_ms": round(statistics.median(sample[i] for sample in samples) * 1000, 1)}
                       for i, (label, _code) in enumerate(steps)],
            "runs": runs, "failed_runs": failed}
