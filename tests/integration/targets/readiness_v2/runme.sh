#!/usr/bin/env bash
# Readiness v2 (issue 14) end to end, as users run it: ansible-playbook mediaops.live_jobs.readiness against a private
# emulator (bundled fixture: a second Volcengine account, a second Huawei app evt-app-2).
#   (i)   the old event files: ready.yml passes, not_ready.yml fails with rc 2; the four reports agree
#   (ii)  a list-form event (event_v2.yml): every row's verdict (expected_v2.yml) and the reports agree
#   (iii) an invalid event (unknown key in a group) fails before any request, naming the key, and leaves no READY
#         report of the previous run
#   (iv)  a run interrupted (Ctrl-C, then kill -9) between deleting the old reports and writing new ones leaves no
#         READY report
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator

python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
check() { "${python}" check_reports.py "$@"; }
# endpoint, report_dir and window go in as JSON: a key=value extra var would be split at a space in the path
json_vars() {
    "${python}" -c 'import json, sys; a = sys.argv[1:]; print(json.dumps({k: json.loads(v) if v[:1] == "{" else v for k, v in zip(a[::2], a[1::2])}))' "$@"
}
requests_seen() {
    emulator_control GET stats | "${python}" -c 'import json, sys; print(sum(json.load(sys.stdin)["requests"].values()))'
}
fail() { echo "FAIL: $*" >&2; exit 1; }

reports="${OUTPUT_DIR:-$(mktemp -d)}/readiness_v2"
rm -rf "${reports}"
mkdir -p "${reports}"
events="${LIVE_JOBS_COLLECTION_DIR}/playbooks/events"
readiness() {   # readiness EVENT_FILE REPORT_DIR [JSON extra vars...] -> rc, output in REPORT_DIR.log
    local event="$1" dir="$2"
    shift 2
    local rc=0
    ansible-playbook -i "${INVENTORY_PATH}" mediaops.live_jobs.readiness -e "@${event}" \
        -e "$(json_vars endpoint "${LIVE_JOBS_EMULATOR_URL}" report_dir "${dir}")" "$@" >"${dir}.log" 2>&1 || rc=$?
    return "${rc}"
}

# ---------------------------------------------------------------- (i) the old event files keep working
echo "readiness_v2 (i): ready.yml"
rc=0
readiness "${events}/ready.yml" "${reports}/ready" || rc=$?
((rc == 0)) || { cat "${reports}/ready.log"; fail "ready.yml failed with rc ${rc}"; }
grep -qF 'Spring launch keynote (ready) is READY: all 22 checks passed.' "${reports}/ready.log" || fail "no READY line"
check ready "${reports}/ready"
check agree "${reports}/ready"

echo "readiness_v2 (i): not_ready.yml (must fail with rc 2)"
rc=0
readiness "${events}/not_ready.yml" "${reports}/not_ready" || rc=$?
((rc == 2)) || { cat "${reports}/not_ready.log"; fail "not_ready.yml: rc ${rc}, expected 2"; }
grep -qF 'NOT READY: Autumn finals broadcast (not ready): 6 not ready, 6 ready (12 checks)' "${reports}/not_ready.log" \
    || { cat "${reports}/not_ready.log"; fail "no NOT READY summary line"; }
check jobs "${reports}/not_ready" evt-rec-001=ready evt-rec-002=ready evt-rec-005=not_ready evt-rec-404=not_ready \
    evt-snap-001=ready evt-snap-008=not_ready evt-edge-001=ready evt-edge-007=not_ready evt-pull-001=ready \
    evt-pull-005=not_ready evt-rtc-001=ready evt-rtc-008=not_ready
check agree "${reports}/not_ready"

# ---------------------------------------------------------------- (ii) a list-form event, many accounts and apps
echo "readiness_v2 (ii): list-form event (two Volcengine accounts, two Huawei apps, fields, selectors, a wrong secret)"
emulator_control POST reset >/dev/null
# the second Volcengine account (fixture account emu-volcengine-second), templated into the event from the environment
export READINESS_V2_VOLC_AK="${LIVE_JOBS_EMU_VOLCENGINE_SECOND_ACCESS_KEY}"
export READINESS_V2_VOLC_SK="${LIVE_JOBS_EMU_VOLCENGINE_SECOND_SECRET_KEY}"
# the event's air time: in 1 h to in 10 h (evt-pull-001 runs until in 19 h, evt-pull-002 only until in 7 h)
window="$("${python}" -c 'import datetime as d, json; n = d.datetime.now(d.timezone.utc); f = lambda h: (n + d.timedelta(hours=h)).strftime("%Y-%m-%dT%H:%M:%SZ"); print(json.dumps({"start": f(1), "end": f(10)}))')"
rc=0
readiness event_v2.yml "${reports}/v2" -e "$(json_vars window "${window}")" || rc=$?
cat "${reports}/v2.log"
((rc == 2)) || fail "event_v2.yml: rc ${rc}, expected 2"
check verdicts "${reports}/v2" expected_v2.yml
check agree "${reports}/v2"
# the message leads with the causes (what to fix first), grouped, then the jobs that are really not ready
"${python}" - "${reports}/v2.log" <<'PY'
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r"fatal: \[localhost\]: FAILED! => (\{.*\})\s*$", text, re.M)
if not match:
    sys.exit("FAIL: no failure message in the output")
import json
message = json.loads(match.group(1))["msg"]
lines = message.splitlines()
expected_first = "NOT READY: Readiness v2 integration event: 6 not ready, 4 unchecked, 15 ready (25 checks)"
problems = []
if lines[0] != expected_first:
    problems.append("first line %r" % lines[0])
checked = next((i for i, line in enumerate(lines) if line.startswith("Not checked (4 jobs)")), None)
not_ready = next((i for i, line in enumerate(lines) if line.startswith("Not ready (6 jobs)")), None)
if checked is None or not_ready is None or checked > not_ready:
    problems.append("the causes do not come before the not-ready jobs")
for words in ("Alibaba Cloud (ICE recordings (wrong secret)): credentials rejected (SignatureDoesNotMatch): 3 jobs not checked",
              "Alibaba Cloud (Edge transcoding (wrong secret)): credentials rejected (SignatureDoesNotMatch): 1 job not checked",
              "evt-rtc-002", "evt-pull-002"):
    if words not in message:
        problems.append("the message does not contain %r" % words)
if len(message) > 2000:
    problems.append("the message is %d characters long" % len(message))
if problems:
    sys.exit("FAIL: failure message: " + "; ".join(problems) + "\n" + message)
print("readiness_v2 (ii): the message leads with the grouped causes (%d characters)" % len(message))
PY
# fail-fast: the wrong secret cost one request per Alibaba group, the templated second account was accepted
emulator_control GET stats >"${reports}/v2.stats.json"
"${python}" - "${reports}/v2.stats.json" <<'PY'
import json
import sys

stats = json.load(open(sys.argv[1], encoding="utf-8"))
apis = stats["apis"]
problems = []
# the two Alibaba groups share one (wrong) account: once one of them is refused, the other may send nothing at all
alibaba = [apis.get(api, {"requests": 0, "accepted": 0}) for api in ("ice_record", "live_edge_transcode")]
if sum(tally["requests"] for tally in alibaba) > 2 * 9 or any(tally["accepted"] for tally in alibaba):
    problems.append("Alibaba with a wrong secret: %s" % alibaba)
for api in ("volc_pull_record", "huawei_record"):
    if apis[api]["signature_failures"] != 0:
        problems.append("%s had signature failures: %s" % (api, apis[api]))
if problems:
    sys.exit("FAIL: emulator stats: " + "; ".join(problems))
print("readiness_v2 (ii): requests per API %s" % {api: tally["requests"] for api, tally in sorted(apis.items())})
PY

echo "readiness_v2 (ii): the same event with a wrong secret for the second Volcengine account"
emulator_control POST reset >/dev/null
rc=0
READINESS_V2_VOLC_SK='V3JvbmdTZWNvbmRBY2NvdW50U2VjcmV0' readiness event_v2.yml "${reports}/v2_wrong_second" \
    -e "$(json_vars window "${window}")" || rc=$?
((rc == 2)) || { cat "${reports}/v2_wrong_second.log"; fail "rc ${rc}, expected 2"; }
# the templated keys really are the second account's: with its secret wrong, exactly its groups become unchecked
check jobs "${reports}/v2_wrong_second" "Volcengine second account::evt-pull-003=unchecked" \
    "Volcengine second account::evt-pull-004=unchecked" "Volcengine second account, ended tasks::select: status=finished=unchecked" \
    "Volcengine main account::evt-pull-001=ready" "Volcengine main account::evt-pull-005=not_ready" \
    "Volcengine main account, running tasks::evt-pull-003=ready"
check agree "${reports}/v2_wrong_second"

# ---------------------------------------------------------------- (iii) an invalid event
echo "readiness_v2 (iii): an invalid event after a READY run in the same report directory"
rc=0
readiness "${events}/ready.yml" "${reports}/invalid" || rc=$?
((rc == 0)) || { cat "${reports}/invalid.log"; fail "ready.yml failed with rc ${rc}"; }
check ready "${reports}/invalid"
emulator_control POST reset >/dev/null
rc=0
readiness invalid_event.yml "${reports}/invalid" || rc=$?
cat "${reports}/invalid.log"
((rc != 0)) || fail "the invalid event passed"
grep -q 'regoin' "${reports}/invalid.log" || fail "the error does not name the unknown key regoin"
grep -q 'Validation of arguments failed' "${reports}/invalid.log" || fail "not refused by the role's argument spec"
seen="$(requests_seen)"
((seen == 0)) || fail "the invalid event sent ${seen} requests"
check absent "${reports}/invalid"

# ---------------------------------------------------------------- (iv) an interrupted run
# Every vendor call answers after 8 s; the run is interrupted once the old reports are gone and the gather has begun.
interrupt_run() {   # interrupt_run SIGNAL
    local signal="$1" dir="${reports}/interrupted_$1" pid seen waited
    rc=0
    emulator_control POST reset >/dev/null
    readiness "${events}/ready.yml" "${dir}" || rc=$?
    ((rc == 0)) || { cat "${dir}.log"; fail "ready.yml failed with rc ${rc}"; }
    check ready "${dir}"
    emulator_control POST reset >/dev/null
    emulator_control POST faults '{"api": "*", "kind": "latency", "latency_ms": 8000, "count": 0}' >/dev/null
    # its own process group, so the signal reaches ansible-playbook, its workers and the module, as Ctrl-C would
    set -m
    readiness "${events}/ready.yml" "${dir}" &
    pid=$!
    set +m
    seen=0
    for waited in $(seq 1 150); do
        if [[ ! -e "${dir}/readiness.json" ]]; then
            seen="$(requests_seen)"
            ((seen > 0)) && break
        fi
        sleep 0.2
    done
    ((seen > 0)) || { kill -KILL -- "-${pid}" 2>/dev/null || true; fail "the run never reached the vendors"; }
    echo "readiness_v2 (iv): ${signal} after $((waited / 5)) s: old reports removed, ${seen} vendor calls in flight"
    kill "-${signal}" -- "-${pid}" 2>/dev/null || true
    rc=0
    wait "${pid}" || rc=$?
    # a process of the group that ignored SIGINT must not outlive the test
    kill -KILL -- "-${pid}" 2>/dev/null || true
    tail -5 "${dir}.log"
    ((rc != 0)) || fail "the interrupted run exited 0"
    check absent "${dir}"
    emulator_control DELETE faults >/dev/null
}
interrupt_run INT
interrupt_run KILL

echo "readiness_v2: ok"
