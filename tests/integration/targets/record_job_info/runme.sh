#!/usr/bin/env bash
# record_job_info (Alibaba Cloud ICE and Huawei Cloud SparkRTC) against a private emulator.
set -eu -o pipefail

# shellcheck source-path=SCRIPTDIR source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh
start_emulator

# Per-job faults through the control API (count 0 = forever); status flips are scheduled by the playbook.
emulator_control POST /_emulator/faults '[
  {"api": "ice_record", "job_id": "evt-rec-002", "kind": "throttle", "count": 2},
  {"api": "ice_record", "job_id": "evt-rec-003", "kind": "status_503", "count": 2},
  {"api": "ice_record", "job_id": "evt-rec-004", "kind": "status_500", "count": 0},
  {"api": "ice_record", "job_id": "evt-rec-006", "kind": "malformed_json", "count": 0},
  {"api": "huawei_record", "job_id": "evt-rtc-002", "kind": "throttle", "count": 2},
  {"api": "huawei_record", "job_id": "evt-rtc-006", "kind": "html", "count": 0}
]' >/dev/null

ansible-playbook -i "${INVENTORY_PATH}" runme.yml "$@"
