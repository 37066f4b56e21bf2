#!/usr/bin/env bash
# make eda: the Event-Driven Ansible source mediaops.live_jobs.job_status under the real ansible-rulebook (issue #16).
#
#   1. .cache/venv-eda: Python >= 3.12 (tools/find-python.sh) with ansible-rulebook and ansible-core pinned by
#      tools/constraints-eda.txt (tests/eda/requirements.txt + requirements.txt); rebuilt when those files change.
#   2. Java 17 for ansible-rulebook's embedded Drools engine: $JAVA_HOME, else Debian's openjdk-17-jre-headless at
#      /usr/lib/jvm/java-17-openjdk-amd64, installed with apt-get when missing (root or passwordless sudo).
#   3. The emulator (tests/integration/targets/setup_emulator/emulator.sh), the collection visible through
#      ANSIBLE_COLLECTIONS_PATH=build/collections (the Makefile's symlink farm; `make link`).
#   4. tests/eda/run_rulebook.py: ansible-rulebook -i tests/eda/inventory.yml --rulebook tests/eda/rulebooks/watch_flip.yml
#      (interval 1 s), a status flip mid-run, the rule must fire once within two intervals; output and summary in
#      build/eda/ (rulebook-run.log, rulebook-summary.json, job-left.jsonl).
#   5. tests/eda/watch_500.py: 500 jobs over the five APIs at the documented rate limits for EDA_WATCH_SECONDS
#      (default 30) with interval EDA_WATCH_INTERVAL (default 5): polls per job, throttled replies
#      (build/eda/watch_500.json). EDA_WATCH_SECONDS=0 skips it.
#
# Usage: tools/eda.sh [all|venv|rulebook|watch500]   (default all)
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"
what="${1:-all}"
venv="$root/.cache/venv-eda"
out="$root/build/eda"
collections="$root/build/collections"
stamp="$venv/.installed"
mkdir -p "$out"

pip_quiet() {  # pip on this machine family warns about absent local find-links/index dirs; hide only that noise
    "$@" 2>&1 | { grep -v -E 'is ignored: it is neither a file nor a directory' || true; }
    return "${PIPESTATUS[0]}"
}

ensure_venv() {
    local py
    if [[ -f "$stamp" && "$stamp" -nt tools/constraints-eda.txt && "$stamp" -nt tests/eda/requirements.txt \
          && "$stamp" -nt requirements.txt ]] && "$venv/bin/python" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
        return 0
    fi
    py="$(tools/find-python.sh 3.12)"
    echo "eda: creating $venv with $py"
    rm -rf "$venv"
    "$py" -m venv "$venv"
    pip_quiet "$venv/bin/python" -m pip install -q -c tools/constraints-eda.txt pip
    pip_quiet "$venv/bin/python" -m pip install -q -c tools/constraints-eda.txt -r requirements.txt -r tests/eda/requirements.txt
    "$venv/bin/python" -m pip check
    touch "$stamp"
}

java_major() {  # java_major JAVA: the major version ("17"), empty when it does not run
    "$1" -version 2>&1 | sed -n -E '1s/.*version "([0-9]+)[."].*/\1/p'
}

ensure_java() {
    local candidate="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
    if [[ ! -x "$candidate/bin/java" || "$(java_major "$candidate/bin/java")" != 17 ]]; then
        candidate=/usr/lib/jvm/java-17-openjdk-amd64
    fi
    if [[ ! -x "$candidate/bin/java" ]]; then
        local sudo=()
        if [[ "$(id -u)" != 0 ]]; then
            if sudo -n true 2>/dev/null; then sudo=(sudo -n); else
                echo "eda: ansible-rulebook needs Java 17: install openjdk-17-jre-headless (as root) or set JAVA_HOME" >&2
                return 1
            fi
        fi
        echo "eda: installing openjdk-17-jre-headless"
        if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless >/dev/null; then
            "${sudo[@]}" apt-get update -q >/dev/null
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless >/dev/null
        fi
    fi
    if [[ "$(java_major "$candidate/bin/java")" != 17 ]]; then
        echo "eda: $candidate/bin/java is not Java 17" >&2
        return 1
    fi
    export JAVA_HOME="$candidate"
    echo "eda: JAVA_HOME=$JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1))"
}

run_rulebook() {
    ensure_java
    test -f "$collections/ansible_collections/mediaops/live_jobs/galaxy.yml" || { echo "eda: run make link first" >&2; return 1; }
    # shellcheck source=tests/integration/targets/setup_emulator/emulator.sh
    source tests/integration/targets/setup_emulator/emulator.sh
    LIVE_JOBS_EMULATOR_PYTHON="$venv/bin/python" LIVE_JOBS_COLLECTIONS_ROOT="$collections" \
        LIVE_JOBS_EMULATOR_LOG="$out/emulator.log" start_emulator
    rm -rf "${out:?}/quota" "${out:?}/home"
    mkdir -p "$out/home"
    PATH="$venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$collections" HOME="$out/home" \
        MEDIAOPS_LIVE_JOBS_QUOTA_DIR="$out/quota" ANSIBLE_LOCAL_TEMP="$out/home/tmp" \
        "$venv/bin/python" tests/eda/run_rulebook.py --emulator-url "$LIVE_JOBS_EMULATOR_URL" \
        --rulebook "$root/tests/eda/rulebooks/watch_flip.yml" --inventory "$root/tests/eda/inventory.yml" \
        --playbook "$root/playbooks/job_left_status.yml" --out "$out" --interval 1 \
        --validate "$root/extensions/eda/rulebooks/watch_event.yml"
    stop_emulator
}

watch_500() {
    local seconds="${EDA_WATCH_SECONDS:-30}"
    if [[ "$seconds" == 0 ]]; then
        echo "eda: EDA_WATCH_SECONDS=0: 500-job measurement skipped"
        return 0
    fi
    test -f "$collections/ansible_collections/mediaops/live_jobs/galaxy.yml" || { echo "eda: run make link first" >&2; return 1; }
    "$venv/bin/python" tests/eda/watch_500.py --collections "$collections" --seconds "$seconds" \
        --interval "${EDA_WATCH_INTERVAL:-5}" --json "$out/watch_500.json"
}

case "$what" in
    venv) ensure_venv ;;
    rulebook) ensure_venv; run_rulebook ;;
    watch500) ensure_venv; watch_500 ;;
    all) ensure_venv; run_rulebook; watch_500 ;;
    *) echo "usage: tools/eda.sh [all|venv|rulebook|watch500]" >&2; exit 2 ;;
esac
