# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The users' alternative for tools/bench.py scenario b: the official Alibaba ICE SDK, one GetLiveRecordJob per id, in turn.

Usage: python sdk_ice_sequential.py BASE_URL IDS_FILE  (credentials from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET).
Prints one JSON line: {"ok": n, "errors": n, "throttled": n, "import_seconds": s, "call_seconds": s}.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main():
    url, ids_file = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    from alibabacloud_ice20201109.client import Client  # pylint: disable=import-outside-toplevel
    from alibabacloud_ice20201109 import models  # pylint: disable=import-outside-toplevel
    from alibabacloud_tea_openapi.models import Config  # pylint: disable=import-outside-toplevel
    imported = time.monotonic()
    with open(ids_file, encoding="utf-8") as handle:
        job_ids = json.load(handle)
    client = Client(Config(
        access_key_id=os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"], access_key_secret=os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
        region_id="cn-shanghai", endpoint=url.split("//", 1)[1], protocol="http",
    ))
    counts = {"ok": 0, "errors": 0, "throttled": 0}
    for job_id in job_ids:
        try:
            client.get_live_record_job(models.GetLiveRecordJobRequest(job_id=job_id))
            counts["ok"] += 1
        except Exception as exc:  # pylint: disable=broad-exception-caught
            counts["errors"] += 1
            counts["throttled"] += int("Throttling" in str(getattr(exc, "code", "")))
    counts["import_seconds"] = round(imported - started, 4)
    counts["call_seconds"] = round(time.monotonic() - imported, 4)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
