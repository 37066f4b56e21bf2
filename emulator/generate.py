"""Deterministic synthetic jobs for load tests and List pagination (`generate: {api: count}`)."""

from datetime import datetime, timedelta
from typing import Callable, Dict, List

from .apis import SHAPES

SPREAD_DAYS = 90  # CreateTime/StartTime of generated job i is anchor - i * (90 days / count)


def generate_jobs(api: str, count: int, anchor: datetime) -> List[dict]:
    """`count` jobs with ids gen-<api>-0001..., statuses cycling over every documented value."""
    shape = SHAPES[api]
    step = timedelta(days=SPREAD_DAYS) / max(1, count)
    jobs = []
    for index in range(count):
        created = anchor - step * index
        status = shape.statuses[index % len(shape.statuses)]
        jobs.append(_BUILDERS[api]("gen-%s-%04d" % (api, index + 1), index, status,
                                   created.strftime(shape.time_format)))
    return jobs


def _ice_record(job_id: str, index: int, status: str, created: str) -> dict:
    return {"JobId": job_id, "Name": "generated record job %d" % (index + 1), "Status": status,
            "CreateTime": created, "NotifyUrl": "https://example.com/imsnotify",
            "StreamInput": {"Type": "rtmp", "Url": "rtmp://example.com/gen/stream%d" % (index + 1)},
            "RecordOutput": {"Type": "oss", "Bucket": "imsbucket1", "Endpoint": "oss-cn-shanghai.aliyuncs.com"},
            "TemplateId": "69e1f9fe-1e97-11ed-ba64-0c42a1b73d66", "TemplateName": "test template"}


def _ice_snapshot(job_id: str, index: int, status: str, created: str) -> dict:
    return {"JobId": job_id, "JobName": "generated snapshot job %d" % (index + 1), "Status": status,
            "CreateTime": created, "LastModified": created, "TemplateId": "gen-snapshot-template",
            "TemplateName": "generated template", "TimeInterval": 5,
            "StreamInput": {"Type": "rtmp", "Url": "rtmp://example.com/gen/stream%d" % (index + 1)},
            "SnapshotOutput": {"StorageType": "oss", "Endpoint": "oss-cn-shanghai.aliyuncs.com",
                               "Bucket": "testbucket"},
            "OverwriteFormat": "snapshot/{JobId}.jpg", "SequenceFormat": "snapshot/{JobId}/{UnixTimestamp}.jpg",
            "CallbackUrl": "http://example.com/snapshot/callback"}


def _edge(job_id: str, index: int, status: str, created: str) -> dict:
    return {"cluster_id": "gen-cluster-1", "JobId": job_id, "Name": "generated_edge_%d" % (index + 1),
            "Status": status, "CreateTime": created, "LastStartAt": created, "LastStopAt": "",
            "StreamInput": "rtmp://mydomain/gen/stream%d" % (index + 1),
            "StreamOutput": "rtmp://testdomain/gen/stream%d" % (index + 1),
            "TemplateId": "9b1571b513cb44f7a1ba6ae561ff0001", "TemplateName": "my_template",
            "Type": ("common", "nbhd-2", "ultra-hd")[index % 3]}


def _volc(job_id: str, index: int, status: str, created: str) -> dict:
    return {"TaskId": job_id, "StartTime": created, "EndTime": created, "Vhost": "example.com",
            "Domain": "pull.example.com", "App": "gen", "Stream": "gen_stream_%d" % (index + 1), "Status": status}


def _huawei(job_id: str, index: int, status: str, created: str) -> dict:
    return {"job_id": job_id, "app_id": "gen-app-1", "room_id": "gen-room-%d" % (index + 1),
            "user_id": "user%03d" % (index + 1), "stream_name": "gen_stream_%d" % (index + 1),
            "is_record_audio": True, "video_type": "CAMERASTREAM", "select_stream_type": "FHD",
            "max_idle_time": 30, "record_param": {"record_rule_id": "gen-rule-1"}, "state": status,
            "create_time": created, "update_time": created, "start_time": created}


_BUILDERS: Dict[str, Callable[[str, int, str, str], dict]] = {
    "ice_record": _ice_record, "ice_snapshot": _ice_snapshot, "live_edge_transcode": _edge,
    "volc_pull_record": _volc, "huawei_record": _huawei,
}
