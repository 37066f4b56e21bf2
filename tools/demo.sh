#!/usr/bin/env bash
# `make demo`: the readiness playbook against the local vendor emulator, on a ready and a not-ready example event.
#
#   1. starts the emulator (tests/integration/targets/setup_emulator/emulator.sh) with its FAKE credentials
#      exported in the vendors' own environment variables,
#   2. runs `ansible-playbook mediaops.live_jobs.readiness` on playbooks/events/ready.yml: it must pass,
#   3. runs it on playbooks/events/not_ready.yml: it must fail (that is the expected outcome),
#   4. runs it on playbooks/events/multi_account.yml (list form, two accounts of one vendor, a rotated key): it must
#      fail with the credentials cause first and one job not ready,
#   5. writes readiness.{html,junit.xml,json,prom} for each into build/demo/<event>/, stops the emulator.
#
# Exit 0 when every outcome is as expected; 1 otherwise.
# Needs `make venv` (the Makefile runs this with .venv/bin first on PATH and
# ANSIBLE_COLLECTIONS_PATH=build/collections); runnable directly as well.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "${root}"
t0=${SECONDS}

if [[ -x "${root}/.venv/bin/ansible-playbook" ]]; then
    PATH="${root}/.venv/bin:${PATH}"
fi
if ! command -v ansible-playbook >/dev/null 2>&1; then
    echo "demo: ansible-playbook not found; run 'make venv' first" >&2
    exit 1
fi
export ANSIBLE_COLLECTIONS_PATH="${ANSIBLE_COLLECTIONS_PATH:-${root}/build/collections}"
if [[ ! -f "${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/mediaops/live_jobs/galaxy.yml" ]]; then
    echo "demo: ${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/mediaops/live_jobs is missing; run 'make venv' first" >&2
    exit 1
fi
export LIVE_JOBS_EMULATOR_PYTHON="${LIVE_JOBS_EMULATOR_PYTHON:-$(command -v python3)}"
# Quieter output: no "no inventory" warnings for the implicit localhost; keep colours only on a terminal.
export ANSIBLE_LOCALHOST_WARNING=False ANSIBLE_INVENTORY_UNPARSED_WARNING=False
[[ -t 1 ]] || export ANSIBLE_NOCOLOR=1

out="${root}/build/demo"
rm -rf "${out}"
mkdir -p "${out}"
export LIVE_JOBS_EMULATOR_LOG="${out}/emulator.log"

# shellcheck source-path=SCRIPTDIR source=../tests/integration/targets/setup_emulator/emulator.sh
source "${root}/tests/integration/targets/setup_emulator/emulator.sh"

banner() {
    printf '\n==================== %s ====================\n' "$*"
}

banner "starting the vendor emulator"
start_emulator
echo "demo: credentials: the emulator's FAKE keys in ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, VOLCENGINE_ACCESS_KEY/SECRET_KEY,"
echo "      HUAWEICLOUD_SDK_AK/SK/PROJECT_ID (the same variables the modules read for the real clouds), and a second"
echo "      Volcengine account's in LIVE_JOBS_EMU_VOLCENGINE_SECOND_* (tools/emulator-credentials.sh)"

# json_vars KEY VALUE [KEY VALUE...]: a JSON object for `ansible-playbook -e`, any characters in the values.
json_vars() {
    python3 -c 'import json, sys; a = sys.argv[1:]; print(json.dumps(dict(zip(a[::2], a[1::2]))))' "$@"
}

# run_event NAME: runs the readiness playbook on playbooks/events/NAME.yml; the rc is stored in event_rc.
run_event() {
    local name="$1"
    event_rc=0
    banner "readiness check: playbooks/events/${name}.yml"
    echo "+ ansible-playbook mediaops.live_jobs.readiness -e @playbooks/events/${name}.yml" \
        "-e endpoint=${LIVE_JOBS_EMULATOR_URL} -e report_dir=build/demo/${name}"
    # endpoint and report_dir as JSON: a key=value extra var would be split at a space in the checkout's path
    ansible-playbook mediaops.live_jobs.readiness -e "@playbooks/events/${name}.yml" \
        -e "$(json_vars endpoint "${LIVE_JOBS_EMULATOR_URL}" report_dir "${out}/${name}")" 2>&1 \
        | tee "${out}/${name}.log" || event_rc=$?
}

failed=0
run_event ready
ready_rc=${event_rc}
if ((ready_rc == 0)) && grep -q 'is READY' "${out}/ready.log"; then
    ready_verdict="PASSED (expected)"
else
    ready_verdict="FAILED (rc ${ready_rc}) - UNEXPECTED: the ready event must pass"
    failed=1
fi

run_event not_ready
not_ready_rc=${event_rc}
# ansible-playbook exits 2 when a task failed; the failure must be the readiness verdict, not something else.
if ((not_ready_rc == 2)) && grep -q 'NOT READY' "${out}/not_ready.log"; then
    not_ready_verdict="FAILED as expected: the playbook named every job that is not ready"
elif ((not_ready_rc == 0)); then
    not_ready_verdict="PASSED - UNEXPECTED: the not-ready event must fail"
    failed=1
else
    not_ready_verdict="FAILED for another reason (rc ${not_ready_rc}) - UNEXPECTED; see build/demo/not_ready.log"
    failed=1
fi

run_event multi_account
multi_rc=${event_rc}
# the cause (a rotated key: unchecked, not broken) must come before the one job that is really not ready
if ((multi_rc == 2)) && grep -q 'credentials rejected (SignatureDoesNotMatch): 3 jobs not checked' "${out}/multi_account.log" \
    && grep -q 'evt-rtc-002' "${out}/multi_account.log"; then
    multi_verdict="FAILED as expected: 3 jobs unchecked (rotated key) listed first, 1 job not ready (wrong stream)"
else
    multi_verdict="UNEXPECTED outcome (rc ${multi_rc}); see build/demo/multi_account.log"
    failed=1
fi

stop_emulator

banner "demo summary"
printf '%-38s %s\n' "playbooks/events/ready.yml:" "${ready_verdict}"
printf '%-38s %s\n' "playbooks/events/not_ready.yml:" "${not_ready_verdict}"
printf '%-38s %s\n' "playbooks/events/multi_account.yml:" "${multi_verdict}"
echo
echo "reports:"
for name in ready not_ready multi_account; do
    for file in readiness.html readiness.junit.xml readiness.json readiness.prom; do
        if [[ -f "${out}/${name}/${file}" ]]; then
            echo "  build/demo/${name}/${file}"
        else
            echo "  build/demo/${name}/${file} (MISSING)"
            failed=1
        fi
    done
done
echo "  (playbook logs: build/demo/<event>.log; emulator log: build/demo/emulator.log)"
echo
if ((failed)); then
    echo "demo: FAILED after $((SECONDS - t0))s"
    exit 1
fi
echo "demo: OK in $((SECONDS - t0))s (the ready event passed, the not-ready events failed as expected)"
