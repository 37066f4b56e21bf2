#!/usr/bin/env bash
# List mode and List-backed batches against a private emulator holding 1,234 generated jobs per API (`generate:`).
set -eu -o pipefail

# shellcheck source=../setup_emulator/emulator.sh
source ../setup_emulator/emulator.sh

python="${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
default="$(_live_jobs_collections_root)/ansible_collections/mediaops/live_jobs/emulator/data/default.yml"
# the bundled default (credentials, event and seed jobs) plus 1,234 jobs per API spread over 90 days
{ cat "${default}"; printf '\ngenerate: {ice_record: 1234, ice_snapshot: 1234, live_edge_transcode: 1234, volc_pull_record: 1234}\n'; } \
    >"${work}/fixture.yml"

# Rate limits off for the bulk runs; the playbook switches the documented limits on where they are the point.
start_emulator --fixture "${work}/fixture.yml" --no-rate-limit

# created_after / created_before: 75 and 20 days ago (a 55-day range: two ICE windows), and 100 days ago
read -r after before long_ago < <("${python}" -c '
from datetime import datetime, timedelta, timezone
now = datetime.now(timezone.utc)
print(*((now - timedelta(days=d)).strftime("%Y-%m-%dT%H:%M:%SZ") for d in (75, 20, 100)))')

ansible-playbook -i "${INVENTORY_PATH}" runme.yml \
    -e "created_after=${after} created_before=${before} long_ago=${long_ago}" "$@"
