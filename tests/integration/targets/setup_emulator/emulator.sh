# shellcheck shell=bash
# Shared integration-test harness: start the vendor emulator for one target and stop it on exit.
#
# Usage from a target's runme.sh (its aliases list needs/target/setup_emulator):
#
#     source ../setup_emulator/emulator.sh
#     start_emulator [emulator CLI args...]      # e.g. --rate-limit huawei_record=5 --fault '{"api": ...}'
#     emulator_control POST /_emulator/faults '{"api": "ice_record", "kind": "status_503", "count": 2}'
#     ansible-playbook -i "${INVENTORY_PATH}" playbook.yml "$@"
#
# start_emulator exports:
#   LIVE_JOBS_EMULATOR_URL      base URL (http://127.0.0.1:PORT); pass it as the modules' `endpoint`
#   LIVE_JOBS_EMULATOR_PID      the emulator's process id
#   LIVE_JOBS_COLLECTION_DIR    .../ansible_collections/mediaops/live_jobs the emulator was started from
#                               (e.g. for "${LIVE_JOBS_COLLECTION_DIR}/playbooks/events/ready.yml")
#   MEDIAOPS_LIVE_JOBS_QUOTA_DIR the modules' shared quota files (one per account and API), in this emulator's
#                               temporary directory: a run never inherits pacing state from another run or the user
#   vendor credentials (the FAKE defaults of emulator/data/default.yml; they authenticate nothing else):
#     ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
#     VOLCENGINE_ACCESS_KEY / VOLCENGINE_SECRET_KEY
#     HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_PROJECT_ID
#   and, for tests of temporary credentials (not read by the modules on their own):
#     LIVE_JOBS_EMU_ALIBABA_STS_ACCESS_KEY_ID / _ACCESS_KEY_SECRET / _SECURITY_TOKEN
#     LIVE_JOBS_EMU_VOLCENGINE_STS_ACCESS_KEY / _SECRET_KEY / _SESSION_TOKEN
#     LIVE_JOBS_EMU_HUAWEI_STS_AK / _SK / _SECURITY_TOKEN     (project: HUAWEICLOUD_SDK_PROJECT_ID)
#     LIVE_JOBS_EMU_HUAWEI_AUTH_TOKEN                         (an accepted X-Auth-Token)
#     LIVE_JOBS_EMU_VOLCENGINE_SECOND_ACCESS_KEY / _SECRET_KEY (a second Volcengine account, its own quota)
#
# An EXIT trap stops the emulator (SIGTERM, then wait). It is added to any EXIT trap already set.
# Works when ansible-test runs the target from its temporary copy (a path with spaces/non-ASCII characters).
# Python: LIVE_JOBS_EMULATOR_PYTHON, else ANSIBLE_TEST_PYTHON_INTERPRETER (set by ansible-test), else python3
# (it needs PyYAML). The collection is looked up in LIVE_JOBS_COLLECTIONS_ROOT, ANSIBLE_COLLECTIONS_PATH, then
# the parents of this file. tools/demo.sh uses this harness too.
# The emulator's stdout/stderr go to "${LIVE_JOBS_EMULATOR_LOG}" (default: a file in the run directory, printed
# when the emulator does not come up).

# The directory that holds ansible_collections/mediaops/live_jobs (what PYTHONPATH needs).
_live_jobs_collections_root() {
    local entry dir
    local IFS=':'
    # 1. an explicit override, 2. every ANSIBLE_COLLECTIONS_PATH entry (ansible-test sets it; it may prepend its own
    # controller path), 3. the parents of this file (a collection checkout or copy).
    for entry in ${LIVE_JOBS_COLLECTIONS_ROOT:-} ${ANSIBLE_COLLECTIONS_PATH:-} ${ANSIBLE_COLLECTIONS_PATHS:-}; do
        [[ -n "${entry}" ]] || continue
        if [[ -f "${entry}/ansible_collections/mediaops/live_jobs/emulator/__main__.py" ]]; then
            printf '%s\n' "${entry}"
            return 0
        fi
    done
    dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
    while [[ "${dir}" != "/" && -n "${dir}" ]]; do
        if [[ "${dir}" == */ansible_collections/mediaops/live_jobs && -f "${dir}/emulator/__main__.py" ]]; then
            printf '%s\n' "${dir%/ansible_collections/mediaops/live_jobs}"
            return 0
        fi
        dir="$(dirname "${dir}")"
    done
    echo "setup_emulator: cannot find ansible_collections/mediaops/live_jobs (set LIVE_JOBS_COLLECTIONS_ROOT)" >&2
    return 1
}

_live_jobs_python() {
    printf '%s\n' "${LIVE_JOBS_EMULATOR_PYTHON:-${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}}"
}

stop_emulator() {
    local pid="${LIVE_JOBS_EMULATOR_PID:-}"
    [[ -n "${pid}" ]] || return 0
    if kill -0 "${pid}" 2>/dev/null; then
        kill -TERM "${pid}" 2>/dev/null || true
        wait "${pid}" 2>/dev/null || true
    fi
    LIVE_JOBS_EMULATOR_PID=""
    if [[ -n "${_LIVE_JOBS_EMULATOR_TMP:-}" ]]; then
        rm -rf "${_LIVE_JOBS_EMULATOR_TMP}"
        _LIVE_JOBS_EMULATOR_TMP=""
    fi
}

# shellcheck disable=SC2120  # the emulator CLI arguments are optional
start_emulator() {
    local root python url_file deadline previous_trap
    if [[ -n "${LIVE_JOBS_EMULATOR_PID:-}" ]]; then
        echo "setup_emulator: an emulator is already running (pid ${LIVE_JOBS_EMULATOR_PID})" >&2
        return 1
    fi
    root="$(_live_jobs_collections_root)" || return 1
    python="$(_live_jobs_python)"
    _LIVE_JOBS_EMULATOR_TMP="$(mktemp -d "${TMPDIR:-/tmp}/live-jobs-emulator.XXXXXX")"
    url_file="${_LIVE_JOBS_EMULATOR_TMP}/url"
    LIVE_JOBS_EMULATOR_LOG="${LIVE_JOBS_EMULATOR_LOG:-${_LIVE_JOBS_EMULATOR_TMP}/emulator.log}"

    PYTHONPATH="${root}${PYTHONPATH:+:${PYTHONPATH}}" \
        "${python}" -m ansible_collections.mediaops.live_jobs.emulator --port 0 --url-file "${url_file}" "$@" \
        >"${LIVE_JOBS_EMULATOR_LOG}" 2>&1 &
    LIVE_JOBS_EMULATOR_PID=$!
    export LIVE_JOBS_EMULATOR_PID

    # Chain onto an existing EXIT trap instead of replacing it.
    previous_trap="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\\1/")"
    # shellcheck disable=SC2064  # expand the previous trap now, on purpose
    trap "stop_emulator${previous_trap:+; ${previous_trap}}" EXIT

    deadline=$((SECONDS + 20))
    while [[ ! -s "${url_file}" ]]; do
        if ! kill -0 "${LIVE_JOBS_EMULATOR_PID}" 2>/dev/null; then
            echo "setup_emulator: the emulator exited during start-up; its output:" >&2
            cat "${LIVE_JOBS_EMULATOR_LOG}" >&2 || true
            LIVE_JOBS_EMULATOR_PID=""
            return 1
        fi
        if ((SECONDS >= deadline)); then
            echo "setup_emulator: the emulator did not write its URL within 20 s; its output:" >&2
            cat "${LIVE_JOBS_EMULATOR_LOG}" >&2 || true
            stop_emulator
            return 1
        fi
        sleep 0.1
    done
    LIVE_JOBS_EMULATOR_URL="$(head -n 1 "${url_file}")"
    LIVE_JOBS_COLLECTION_DIR="${root}/ansible_collections/mediaops/live_jobs"
    MEDIAOPS_LIVE_JOBS_QUOTA_DIR="${_LIVE_JOBS_EMULATOR_TMP}/quota"
    export LIVE_JOBS_EMULATOR_URL LIVE_JOBS_COLLECTION_DIR MEDIAOPS_LIVE_JOBS_QUOTA_DIR

    _live_jobs_export_credentials
    echo "setup_emulator: emulator ${LIVE_JOBS_EMULATOR_URL} (pid ${LIVE_JOBS_EMULATOR_PID}) from ${root}"
}

# The FAKE credentials of the bundled fixture (emulator/README.md); set with xtrace off so logs stay short.
_live_jobs_export_credentials() {
    local xtrace=0
    [[ $- == *x* ]] && xtrace=1
    set +x
    # the vendors' variables and the second Volcengine account: the file the README has users source
    # shellcheck source=/dev/null
    source "${LIVE_JOBS_COLLECTION_DIR}/tools/emulator-credentials.sh"
    export LIVE_JOBS_EMU_ALIBABA_STS_ACCESS_KEY_ID='STS.NUEmuLat0rStsAcc3ssKey02'
    export LIVE_JOBS_EMU_ALIBABA_STS_ACCESS_KEY_SECRET='EmuLat0rSt5S3cr3tF0rL1veJ0b02'
    export LIVE_JOBS_EMU_ALIBABA_STS_SECURITY_TOKEN='CAISEmuLat0rFakeSecurityTokenForLiveJobsTestsOnly02'
    export LIVE_JOBS_EMU_VOLCENGINE_STS_ACCESS_KEY='AKTPZW11bGF0b3JTdHNBY2Nlc3NLZXkwMg'
    export LIVE_JOBS_EMU_VOLCENGINE_STS_SECRET_KEY='RW11bGF0b3JTdHNTZWNyZXRGb3JMaXZlSm9iczAy'
    export LIVE_JOBS_EMU_VOLCENGINE_STS_SESSION_TOKEN='STS2eyJFbXVsYXRvciI6ICJsaXZlLWpvYnMiLCAiZmFrZSI6IHRydWV9'
    export LIVE_JOBS_EMU_HUAWEI_STS_AK='HWEMULAT0RSTSEXAMPL2'
    export LIVE_JOBS_EMU_HUAWEI_STS_SK='HwEmuLat0rStsSecretKeyForLiveJobsTest002'
    export LIVE_JOBS_EMU_HUAWEI_STS_SECURITY_TOKEN='gQpjbi1ub3J0aC00EmuLat0rFakeSecurityTokenForLiveJobs02'
    export LIVE_JOBS_EMU_HUAWEI_AUTH_TOKEN='MIIEmuLat0rFakeIamUserTokenForLiveJobsTestsOnly0001'
    # Never let a real account's token, endpoint or region from the caller's environment into the tests: pass the
    # emulator URL as `endpoint` (or export ALIBABA_CLOUD_ENDPOINT / VOLCENGINE_ENDPOINT / HUAWEICLOUD_ENDPOINT yourself).
    unset ALIBABA_CLOUD_SECURITY_TOKEN ALICLOUD_SECURITY_TOKEN VOLCENGINE_SESSION_TOKEN HUAWEICLOUD_SDK_SECURITY_TOKEN
    unset ALIBABA_CLOUD_ENDPOINT VOLCENGINE_ENDPOINT HUAWEICLOUD_ENDPOINT
    unset ALIBABA_CLOUD_REGION_ID ALICLOUD_REGION_ID ALICLOUD_REGION VOLCENGINE_REGION
    ((xtrace)) && set -x
    return 0
}

# emulator_control METHOD PATH [JSON]: call the control API, print the JSON reply; non-2xx fails.
# PATH is relative to the base URL, e.g. /_emulator/faults (a leading /_emulator may be left out).
emulator_control() {
    local method="$1" path="$2" body="${3:-}"
    if [[ -z "${LIVE_JOBS_EMULATOR_URL:-}" ]]; then
        echo "emulator_control: no emulator running (call start_emulator first)" >&2
        return 1
    fi
    [[ "${path}" == /_emulator/* ]] || path="/_emulator/${path#/}"
    "$(_live_jobs_python)" - "${method}" "${LIVE_JOBS_EMULATOR_URL}${path}" "${body}" <<'PY'
import sys
import urllib.error
import urllib.request

method, url, body = sys.argv[1], sys.argv[2], sys.argv[3]
request = urllib.request.Request(url, data=body.encode("utf-8") if body else None, method=method,
                                 headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        sys.stdout.write(response.read().decode("utf-8") + "\n")
except urllib.error.HTTPError as error:
    sys.stderr.write("emulator_control: %s %s -> HTTP %s %s\n" % (method, url, error.code, error.read().decode("utf-8", "replace")))
    sys.exit(1)
PY
}
