"""What the emulator needs to know about each API's stored job records (vendor raw shape)."""

from dataclasses import dataclass
from typing import Optional, Tuple


@dataclass(frozen=True)
class ApiShape:
    api: str
    id_field: str
    status_field: str
    statuses: Tuple[str, ...]        # documented raw values, running state first
    undocumented_status: str         # used by the unknown_status fault
    time_format: str                 # strftime format of the vendor's timestamps
    created_field: str               # the field List time windows and sorting use
    owner_field: Optional[str] = None  # record field naming the owner (edge cluster / Huawei app)


ALIBABA_TIME = "%Y-%m-%dT%H:%M:%SZ"

SHAPES = {
    "ice_record": ApiShape("ice_record", "JobId", "Status", ("started", "paused", "initial"), "stopped",
                           ALIBABA_TIME, "CreateTime"),
    "ice_snapshot": ApiShape("ice_snapshot", "JobId", "Status", ("started", "paused", "init"), "stopped",
                             ALIBABA_TIME, "CreateTime"),
    "live_edge_transcode": ApiShape("live_edge_transcode", "JobId", "Status", ("1", "0"), "2",
                                    ALIBABA_TIME, "CreateTime", owner_field="cluster_id"),
    "volc_pull_record": ApiShape("volc_pull_record", "TaskId", "Status", ("生效中", "未开始", "停用", "已结束"), "暂停",
                                 "%Y-%m-%dT%H:%M:%SZ", "StartTime"),
    "huawei_record": ApiShape("huawei_record", "job_id", "state", ("RUNNING", "INIT", "STOPPED"), "PAUSED",
                              "%Y-%m-%dT%H:%M:%S.000Z", "create_time", owner_field="app_id"),
}

# The APIs served by ICE/IMS, which has an error dialect of its own (settings.ICE_ERROR_DIALECTS).
ICE_APIS = frozenset(("ice_record", "ice_snapshot"))

# Emulator-only bookkeeping fields that never appear in a response.
PRIVATE_FIELDS = ("cluster_id",)


def public_view(api: str, record: dict) -> dict:
    """The record as the vendor would return it (emulator bookkeeping removed)."""
    if api != "live_edge_transcode":
        return dict(record)
    return {key: value for key, value in record.items() if key not in PRIVATE_FIELDS}
