"""Alibaba Get calls: look one job up and wrap it the way each API does."""

from .apis import public_view
from .params import require
from .rejection import Rejection

ICE_NOT_FOUND = "No such job."
LIVE_NOT_FOUND = "The specified job does not exist, please check and try again later."


def get_live_record_job(store, params: dict) -> dict:
    record = store.get("ice_record", require(params, "JobId"))
    if record is None:
        raise Rejection("not_found", ICE_NOT_FOUND)
    return {"RecordJob": record}


def get_live_snapshot_job(store, params: dict) -> dict:
    record = store.get("ice_snapshot", require(params, "JobId"))
    if record is None:
        raise Rejection("not_found", ICE_NOT_FOUND)
    return record  # snapshot fields sit at the top level of the reply


def get_edge_transcode_job(store, params: dict) -> dict:
    cluster_id = require(params, "ClusterId")
    record = store.get("live_edge_transcode", require(params, "JobId"))
    if record is None or str(record.get("cluster_id")) != cluster_id:
        raise Rejection("not_found", LIVE_NOT_FOUND)
    return {"Job": public_view("live_edge_transcode", record)}
