#!/usr/bin/env bash
# snapshot_job_info (Alibaba Cloud ICE live snapshot jobs) against a private emulator.
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator

emulator_control POST /_emulator/faults '[
  {"api": "ice_snapshot", "job_id": "evt-snap-002", "kind": "throttle", "count": 1},
  {"api": "ice_snapshot", "job_id": "evt-snap-003", "kind": "status_502", "count": 2},
  {"api": "ice_snapshot", "job_id": "evt-snap-004", "kind": "status_503", "count": 0},
  {"api": "ice_snapshot", "job_id": "evt-snap-006", "kind": "html", "count": 0}
]' >/dev/null

ansible-playbook -i "${INVENTORY_PATH}" runme.yml "$@"
