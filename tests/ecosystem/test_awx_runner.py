# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The readiness playbook as an AWX job would run it: ansible-runner, credentials injected as env vars.

The env vars are rendered from extensions/awx/credential_types/*.yml exactly as AWX renders injectors (every
field present; optional fields left empty become ""), the playbook is addressed by its collection FQCN, and the
event file is the job template's extra vars. Run by `make ecosystem` (tools/ecosystem.sh) with
LIVE_JOBS_COLLECTIONS_PATH pointing at the collection installed from the built tarball.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import ansible_runner
import pytest
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = Path(__file__).resolve().parents[2]
TYPES_DIR = ROOT / "extensions" / "awx" / "credential_types"
COLLECTIONS = Path(os.environ.get("LIVE_JOBS_COLLECTIONS_PATH", ROOT / "build" / "collections"))
ARTIFACTS = Path(os.environ.get("LIVE_JOBS_ARTIFACTS", ROOT / "build" / "ecosystem" / "awx"))
AWX_UNSET = {"string": "", "boolean": False}  # AWX CredentialType.default_for_field

# The emulator's bundled FAKE credentials (emulator/README.md). Alibaba uses the STS pair so a token is injected;
# the other two leave the optional token (and region) empty, as an AWX user who leaves the fields blank would.
CREDENTIAL_INPUTS = {
    "alibaba_cloud.yml": {
        "access_key": "STS.NUEmuLat0rStsAcc3ssKey02",
        "secret_key": "EmuLat0rSt5S3cr3tF0rL1veJ0b02",
        "security_token": "CAISEmuLat0rFakeSecurityTokenForLiveJobsTestsOnly02",
        "region": "cn-shanghai",
    },
    "volcengine.yml": {
        "access_key": "AKLTZW11bGF0b3JBY2Nlc3NLZXkwMQ",
        "secret_key": "RW11bGF0b3JTZWNyZXRLZXlGb3JMaXZlSm9iczAx",
    },
    "huawei_cloud.yml": {
        "access_key": "HWEMULAT0RAKEXAMPLE1",
        "secret_key": "HwEmuLat0rSecretKeyForLiveJobsTests00001",
        "project_id": "0e1d2c3b4a5968778695a4b3c2d1e0f1",
    },
}

# The job template's extra vars: no endpoint here, it comes from the credentials.
EVENT = {
    "event_name": "AWX rehearsal",
    "checks": {
        "ice_record": {"expect": {"evt-rec-001": "running", "evt-rec-005": "paused", "evt-rec-008": "pending"}},
        "ice_snapshot": {"expect": {"evt-snap-001": "running", "evt-snap-008": "pending"}},
        "live_edge_transcode": {"cluster_id": "evt-cluster-1", "expect": {"evt-edge-001": "running"}},
        "volc_pull_record": {"expect": {"evt-pull-001": "running", "evt-pull-009": "finished"}},
        "huawei_record": {"app_id": "evt-app-1", "expect": {"evt-rtc-001": "running", "evt-rtc-008": "stopped"}},
    },
}


def render_injectors(name, inputs):
    cred_type = yaml.safe_load((TYPES_DIR / name).read_text(encoding="utf-8"))
    context = {field["id"]: AWX_UNSET[field.get("type", "string")] for field in cred_type["inputs"]["fields"]}
    context.update(inputs)
    sandbox = ImmutableSandboxedEnvironment()
    env = {key: sandbox.from_string(template).render(**context) for key, template in cred_type["injectors"]["env"].items()}
    secrets = [inputs[field["id"]] for field in cred_type["inputs"]["fields"] if field.get("secret") and inputs.get(field["id"])]
    return env, secrets


@pytest.fixture(scope="module")
def emulator(tmp_path_factory):
    url_file = tmp_path_factory.mktemp("emulator") / "url"
    env = dict(os.environ, PYTHONPATH=str(COLLECTIONS))
    proc = subprocess.Popen(
        [sys.executable, "-m", "ansible_collections.mediaops.live_jobs.emulator", "--port", "0", "--url-file", str(url_file)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while not url_file.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"emulator did not start: {proc.communicate()[1][-2000:]}")
        time.sleep(0.05)
    yield url_file.read_text(encoding="utf-8").strip()
    proc.terminate()
    proc.wait(timeout=10)


def private_data_dir(base, emulator_url, verbosity):
    pdd = base / f"verbosity-{verbosity}"
    if pdd.exists():
        subprocess.run(["rm", "-rf", str(pdd)], check=True)
    (pdd / "project").mkdir(parents=True)
    (pdd / "inventory").mkdir()
    (pdd / "env").mkdir()
    (pdd / "project" / "readiness.yml").write_text(
        "---\n- name: Pre-event readiness (the collection's playbook)\n  ansible.builtin.import_playbook: mediaops.live_jobs.readiness\n",
        encoding="utf-8")
    (pdd / "inventory" / "hosts").write_text(
        f"localhost ansible_connection=local ansible_python_interpreter={sys.executable}\n", encoding="utf-8")
    envvars, secrets = {}, []
    for name, inputs in CREDENTIAL_INPUTS.items():
        env, type_secrets = render_injectors(name, dict(inputs, endpoint=emulator_url))
        envvars.update(env)
        secrets += type_secrets
    # In AWX the EE has the collection installed; here it is the tarball installed by tools/ecosystem.sh.
    envvars["ANSIBLE_COLLECTIONS_PATH"] = str(COLLECTIONS)
    (pdd / "env" / "envvars").write_text(yaml.safe_dump(envvars), encoding="utf-8")
    (pdd / "env" / "extravars").write_text(yaml.safe_dump(EVENT, allow_unicode=True), encoding="utf-8")
    (pdd / "env" / "settings").write_text(yaml.safe_dump({"job_timeout": 300, "idle_timeout": 120}), encoding="utf-8")
    return pdd, envvars, secrets


def test_injected_env_is_what_awx_renders(emulator):
    envvars = {}
    for name, inputs in CREDENTIAL_INPUTS.items():
        envvars.update(render_injectors(name, dict(inputs, endpoint=emulator))[0])
    assert envvars["VOLCENGINE_SESSION_TOKEN"] == ""
    assert "VOLCENGINE_REGION" not in envvars, "Volcengine Live signs for cn-north-1: the credential type sets no region"
    assert envvars["HUAWEICLOUD_SDK_SECURITY_TOKEN"] == ""
    assert envvars["ALIBABA_CLOUD_SECURITY_TOKEN"] == CREDENTIAL_INPUTS["alibaba_cloud.yml"]["security_token"]
    assert {envvars[name] for name in ("ALIBABA_CLOUD_ENDPOINT", "VOLCENGINE_ENDPOINT", "HUAWEICLOUD_ENDPOINT")} == {emulator}
    assert not [name for name in envvars if name.startswith("ANSIBLE_")]


@pytest.mark.parametrize("verbosity", [0, 3])
def test_readiness_playbook_through_ansible_runner(emulator, verbosity):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdd, envvars, secrets = private_data_dir(ARTIFACTS, emulator, verbosity)
    assert len(secrets) == 4  # three secret keys and the Alibaba STS token
    started = time.monotonic()
    runner = ansible_runner.run(private_data_dir=str(pdd), playbook="readiness.yml", quiet=True, verbosity=verbosity)
    elapsed = time.monotonic() - started
    stdout = runner.stdout.read()
    assert runner.status == "successful" and runner.rc == 0, stdout[-4000:]
    assert "AWX rehearsal is READY: all 10 checks passed." in stdout
    events = list(runner.events)
    assert events and any(event.get("event") == "playbook_on_stats" for event in events)
    ok_tasks = {event["event_data"].get("task"): event["event_data"] for event in events if event.get("event") == "runner_on_ok"}
    rows = ok_tasks["Check every job of the event at once"]["res"]["rows"]
    assert {row["vendor"] for row in rows} == {"alibaba", "volcengine", "huawei"}, "every vendor was read with the injected credentials"
    assert {row["verdict"] for row in rows} == {"ready"}

    # What AWX shows and stores: the events, the stdout, and the same on disk (job_events/*.json, stdout).
    artifact_dir = Path(runner.config.artifact_dir)
    shown = [stdout, *(json.dumps(event, ensure_ascii=False) for event in events)]
    shown += [path.read_text(encoding="utf-8") for path in sorted((artifact_dir / "job_events").glob("*.json"))]
    shown.append((artifact_dir / "stdout").read_text(encoding="utf-8"))
    leaks = [(secret[:6] + "...", index) for secret in secrets for index, text in enumerate(shown) if secret in text]
    assert not leaks, f"secrets in events/stdout: {leaks}"

    # Why the private data dir itself is secret: ansible-runner records the job's environment there.
    recorded = (artifact_dir / "command").read_text(encoding="utf-8") + (pdd / "env" / "envvars").read_text(encoding="utf-8")
    assert all(secret in recorded for secret in secrets)
    print(f"verbosity {verbosity}: {len(events)} events, {elapsed:.1f}s, no secret in events or stdout")
