#!/usr/bin/env bash
# Issue 13 against a private emulator, with call counts from the emulator's stats: a quota at one fifth of the
# module default, ICE's IMS error dialect, fail-fast on a wrong secret, the deadline, strict ids, VOLCENGINE_REGION
# (reliability.yml), then two playbook runs at once against one 10/s account (concurrent.yml).
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh

python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/live-jobs-reliability.XXXXXX")"
cleanup_work() { rm -rf "${work}"; }
trap cleanup_work EXIT
# the bundled default fixture plus generated jobs (40 ICE snapshot, 120 SparkRTC in app gen-app-1)
"${python}" make_fixture.py "$(_live_jobs_collections_root)/ansible_collections/mediaops/live_jobs" "${work}/fixture.json"

# one fifth of the module defaults (Huawei 10/s, ICE snapshot 50/s)
start_emulator --fixture "${work}/fixture.json" --rate-limit huawei_record=2 --rate-limit ice_snapshot=10
export RELIABILITY_QUOTA_ROOT="${work}/quota"

started=${SECONDS}
ansible-playbook -i "${INVENTORY_PATH}" reliability.yml "$@"
echo "reliability: reliability.yml passed in $((SECONDS - started))s"

# ---------------------------------------------------------------- (e) two runs at once against one 10/s account
emulator_control POST reset >/dev/null
emulator_control POST config '{"rate_limits": {"huawei_record": 10}}' >/dev/null
# both runs share this account's quota file (and nothing from the runs above)
export MEDIAOPS_LIVE_JOBS_QUOTA_DIR="${work}/quota/e"
started=${SECONDS}
ansible-playbook -i "${INVENTORY_PATH}" concurrent.yml -e run_name=background -e run_first=1 "$@" >"${work}/background.log" 2>&1 &
background=$!
rc=0
ansible-playbook -i "${INVENTORY_PATH}" concurrent.yml -e run_name=foreground -e run_first=61 "$@" || rc=$?
background_rc=0
wait "${background}" || background_rc=$?
elapsed=$((SECONDS - started))
echo "--- background run"
cat "${work}/background.log"
if ((rc != 0 || background_rc != 0)); then
    echo "FAIL: concurrent runs: foreground rc=${rc}, background rc=${background_rc}" >&2
    exit 1
fi
emulator_control GET stats >"${work}/stats.json"
"${python}" - "${work}/stats.json" "${elapsed}" <<'PY'
import json
import sys

stats = json.load(open(sys.argv[1], encoding="utf-8"))["apis"]["huawei_record"]
span = max(stats["last_accepted_at"] - stats["first_accepted_at"], 0.001)
rate = (stats["accepted"] - 1) / span
print("reliability: two concurrent runs against one 10/s account: %d accepted, %d throttled, %d requests, "
      "combined %.1f/s over %.1f s (wall %s s)" % (stats["accepted"], stats["throttled"], stats["requests"], rate, span,
                                                   sys.argv[2]))
problems = []
if stats["accepted"] != 120:
    problems.append("expected 120 accepted calls (60 ids per run), got %d" % stats["accepted"])
if stats["throttled"] > 10:
    problems.append("expected at most 10 throttled replies with a shared quota, got %d" % stats["throttled"])
if stats["requests"] != stats["accepted"] + stats["throttled"]:
    problems.append("requests %d != accepted + throttled" % stats["requests"])
if problems:
    sys.exit("FAIL: " + "; ".join(problems))
PY
echo "reliability: ok"
