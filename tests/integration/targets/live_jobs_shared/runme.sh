#!/usr/bin/env bash
# Behaviour shared by every module (action groups, credentials from the environment, the emulator's rate limits,
# transport errors), then the readiness playbook end to end, against a private emulator.
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator

emulator_control POST /_emulator/faults '[
  {"api": "ice_snapshot", "job_id": "evt-snap-010", "kind": "reset", "count": 1},
  {"api": "ice_snapshot", "job_id": "evt-snap-009", "kind": "timeout", "count": 0},
  {"api": "huawei_record", "job_id": "evt-rtc-010", "kind": "clock_skew", "count": 0}
]' >/dev/null
# The timeout fault holds a connection this long; keep it short so the emulator frees its threads quickly.
emulator_control POST /_emulator/config '{"timeout_fault_seconds": 3}' >/dev/null

ansible-playbook -i "${INVENTORY_PATH}" runme.yml "$@"

# ---------------------------------------------------------------- the readiness playbook, as users run it
# endpoint and report_dir go in as JSON: a key=value extra var would be split at a space in the path.
json_vars() {
    "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" -c \
        'import json, sys; a = sys.argv[1:]; print(json.dumps(dict(zip(a[::2], a[1::2]))))' "$@"
}
reports="${OUTPUT_DIR:-$(mktemp -d)}/readiness"
mkdir -p "${reports}"
events="${LIVE_JOBS_COLLECTION_DIR}/playbooks/events"
emulator_control POST /_emulator/reset >/dev/null

echo "readiness: ready event"
ansible-playbook -i "${INVENTORY_PATH}" mediaops.live_jobs.readiness -e "@${events}/ready.yml" \
    -e "$(json_vars endpoint "${LIVE_JOBS_EMULATOR_URL}" report_dir "${reports}/ready")" "$@" | tee "${reports}.ready.log"
grep -q 'is READY' "${reports}.ready.log"
grep -q '<testsuites' "${reports}/ready/readiness.junit.xml"
grep -q 'failures="0"' "${reports}/ready/readiness.junit.xml"
grep -q '<html' "${reports}/ready/readiness.html"

echo "readiness: not-ready event (must fail)"
rc=0
ansible-playbook -i "${INVENTORY_PATH}" mediaops.live_jobs.readiness -e "@${events}/not_ready.yml" \
    -e "$(json_vars endpoint "${LIVE_JOBS_EMULATOR_URL}" report_dir "${reports}/not_ready")" "$@" >"${reports}.not_ready.log" 2>&1 || rc=$?
cat "${reports}.not_ready.log"
if ((rc == 0)); then
    echo "FAIL: the not-ready event passed" >&2
    exit 1
fi
# the failure message leads with a count per verdict, then the jobs grouped by reason (with examples); the table
# printed before it has one row per job (readiness_v2 checks every verdict in readiness.json)
# (each job is named with its group's label: here, unlabelled groups, the API's title)
for expected in 'NOT READY: Autumn finals broadcast \(not ready\): 6 not ready, 6 ready \(12 checks\)' \
    'evt-rec-005 \[[^]]+\] \(expected running, got paused\)' 'the vendor does not know the job: 1 job, e.g. evt-rec-404'; do
    if ! grep -qE "${expected}" "${reports}.not_ready.log"; then
        echo "FAIL: the not-ready output does not match: ${expected}" >&2
        exit 1
    fi
done
if ! grep -qE 'evt-rtc-008 +.+ +running +stopped +NOT READY +status: expected running, got stopped' "${reports}.not_ready.log"; then
    echo "FAIL: the not-ready table has no NOT READY row for evt-rtc-008 (expected running, got stopped)" >&2
    exit 1
fi
test -s "${reports}/not_ready/readiness.html"
grep -q '<failure' "${reports}/not_ready/readiness.junit.xml"
echo "readiness: ok (ready passed, not-ready failed as expected)"
