#!/usr/bin/env bash
# pull_record_task_info (Volcengine Live pull-stream recording tasks) against a private emulator.
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator

emulator_control POST /_emulator/faults '[
  {"api": "volc_pull_record", "job_id": "evt-pull-002", "kind": "throttle", "count": 2},
  {"api": "volc_pull_record", "job_id": "evt-pull-003", "kind": "status_503", "count": 2},
  {"api": "volc_pull_record", "job_id": "evt-pull-004", "kind": "status_502", "count": 0},
  {"api": "volc_pull_record", "job_id": "evt-pull-006", "kind": "common_err", "count": 0},
  {"api": "volc_pull_record", "job_id": "evt-pull-008", "kind": "malformed_json", "count": 0}
]' >/dev/null

ansible-playbook -i "${INVENTORY_PATH}" runme.yml "$@"
