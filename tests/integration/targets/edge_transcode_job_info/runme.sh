#!/usr/bin/env bash
# edge_transcode_job_info (Alibaba Cloud ApsaraVideo Live edge transcoding) against a private emulator.
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator

emulator_control POST /_emulator/faults '[
  {"api": "live_edge_transcode", "job_id": "evt-edge-002", "kind": "throttle", "count": 2},
  {"api": "live_edge_transcode", "job_id": "evt-edge-003", "kind": "status_500", "count": 1},
  {"api": "live_edge_transcode", "job_id": "evt-edge-004", "kind": "status_504", "count": 0},
  {"api": "live_edge_transcode", "job_id": "evt-edge-005", "kind": "malformed_json", "count": 0}
]' >/dev/null

ansible-playbook -i "${INVENTORY_PATH}" runme.yml "$@"
