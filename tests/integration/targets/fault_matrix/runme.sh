#!/usr/bin/env bash
# Fault matrix + secret-leak proof (issue #7, parts 1 and 2).
#
# 1. make_plan.py writes fresh random credentials (40-64 character secrets and STS tokens) into an emulator fixture,
#    plus one per-job fault rule for every (API, fault) row; the emulator starts on that fixture.
# 2. fault_matrix.yml runs every row through the real modules at -vvvv and asserts each outcome; it writes the
#    matrix (fault x module -> outcome) to fault-matrix.md.
# 3. leak_scan.py greps everything the run wrote (stdout, stderr, ANSIBLE_LOG_PATH, the JSON results, Ansible's local
#    and remote temp dirs, the async dir, the emulator log) for the secrets, the tokens and the signature/token
#    header markers: zero hits or the target fails.
# FAULT_MATRIX_OUT=DIR copies fault-matrix.md there as well (the checkout's tests/output/ is used when found).
set -eu -o pipefail

here="$(pwd -P)"
work="$(mktemp -d "${TMPDIR:-/tmp}/live-jobs-fault-matrix.XXXXXX")"
# FAULT_MATRIX_KEEP=1 keeps the run directory (it holds the run's random credentials) for debugging
cleanup_work() { if [[ "${FAULT_MATRIX_KEEP:-0}" == 1 ]]; then echo "fault_matrix: kept ${work}"; else rm -rf "${work}"; fi; }
trap cleanup_work EXIT
export FAULT_MATRIX_WORKDIR="${work}"
python="$(command -v "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}")"

"${python}" make_plan.py "${work}"

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
export LIVE_JOBS_EMULATOR_LOG="${work}/emulator.log"
start_emulator --fixture "${work}/fixture.json" --no-rate-limit --timeout-fault-seconds 3
# the run's random credentials replace the harness defaults (xtrace off: never echo them)
set +x
# shellcheck disable=SC1091
source "${work}/secrets.env"

mkdir -p "${work}/local_tmp" "${work}/remote_tmp" "${work}/async"
unset ANSIBLE_KEEP_REMOTE_FILES
export ANSIBLE_LOG_PATH="${work}/ansible.log"
export ANSIBLE_LOCAL_TEMP="${work}/local_tmp"
export ANSIBLE_REMOTE_TMP="${work}/remote_tmp"
export ANSIBLE_ASYNC_DIR="${work}/async"
export ANSIBLE_NOCOLOR=1
# return (and at -vvvv print) every module's invocation: its module_args must show secrets masked
export ANSIBLE_INJECT_INVOCATION=1
export ANSIBLE_FORKS=5
# one local host per vendor API so the five APIs run in parallel
{
    echo "[matrix]"
    for api in ice_record ice_snapshot live_edge_transcode volc_pull_record huawei_record; do
        echo "${api} ansible_connection=local ansible_python_interpreter=${python}"
    done
} >"${work}/inventory"
started=${SECONDS}
rc=0
ansible-playbook -i "${work}/inventory" fault_matrix.yml -vvvv "$@" >"${work}/stdout.txt" 2>"${work}/stderr.txt" || rc=$?
echo "fault_matrix: ansible-playbook -vvvv finished with rc=${rc} in $((SECONDS - started))s"
stop_emulator
if ((rc != 0)); then
    # the failing task and the recap (the leak scan below still runs: a failure must not hide a leak)
    grep -E -A12 '^(fatal|failed):|FAILED!|PLAY RECAP' "${work}/stdout.txt" | grep -v -E '^\s+"(invocation|module_args)' | tail -80 || true
    tail -20 "${work}/stderr.txt" || true
fi

scan_rc=0
masked="$(grep -c 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' "${work}/stdout.txt" || true)"
echo "fault_matrix: -vvvv output shows ${masked} masked secret option values (module_args of the invocations)"
if ((masked == 0)); then echo "fault_matrix: expected masked module_args in the -vvvv output" >&2; scan_rc=1; fi
"${python}" leak_scan.py "${work}/patterns.txt" "${work}" || scan_rc=$?

if [[ -f "${work}/fault-matrix.md" ]]; then
    cat "${work}/fault-matrix.md"
    for dest in "${FAULT_MATRIX_OUT:-}" "${here%/tests/integration/targets/fault_matrix}/tests/output"; do
        if [[ -n "${dest}" && -d "${dest}" ]]; then cp "${work}/fault-matrix.md" "${dest}/fault-matrix.md"; fi
    done
fi
((rc == 0 && scan_rc == 0))
