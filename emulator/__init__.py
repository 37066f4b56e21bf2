"""Loopback emulator of the five vendor read APIs (and their List calls) used by mediaops.live_jobs.

Run it with ``python -m ansible_collections.mediaops.live_jobs.emulator --port 0``; embed it in tests with
:func:`ansible_collections.mediaops.live_jobs.emulator.pytest_plugin.start_emulator`. See README.md.
"""

API_IDS = ("ice_record", "ice_snapshot", "live_edge_transcode", "volc_pull_record", "huawei_record")
