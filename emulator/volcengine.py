"""Volcengine Live 2023-01-01 GetPullRecordTask / ListPullRecordTask: routing, replies and error shapes."""

import json
import os
import time
from typing import Optional

from .auth_volcengine import REGION, SERVICE, verify_volcengine
from .calls import Call, Vendor
from .http_types import Request, Response, json_response
from .params import bounded_int, page, record_time
from .rejection import Rejection

VERSION = "2023-01-01"
API = "volc_pull_record"
ACTIONS = {"GetPullRecordTask": False, "ListPullRecordTask": True}
LIST_FILTERS = ("Vhost", "Domain", "App", "Stream")

# Rejection kind -> (HTTP status, Code, CodeN, Message). CodeN of API-level codes is emulator-assigned (1xxx):
# the vendor documents CodeN only for gateway codes.
ERRORS = {
    "missing_auth": (401, "MissingAuthenticationToken", 100003, "The request is missing an authentication token."),
    "bad_access_key": (401, "InvalidAccessKey", 100009, "The AccessKey in the request is invalid."),
    "bad_token": (401, "InvalidAccessKey", 100009, "The security token does not belong to the AccessKey."),
    "bad_signature": (401, "SignatureDoesNotMatch", 100010,
                      "The request signature we calculated does not match the signature you provided."),
    "expired": (400, "InvalidTimestamp", 100006, "The request timestamp is expired."),
    "bad_timestamp": (400, "InvalidTimestamp", 100006, "The request X-Date is invalid."),
    "unknown_action": (404, "InvalidActionOrVersion", 100008, "Could not find operation with the given action."),
    "missing_param": (400, "InvalidParam", 1002, "The input parameter is invalid."),
    "invalid_param": (400, "InvalidParam", 1002, "The input parameter is invalid."),
    "bind_error": (400, "InvalidParam.BindError", 1003, "Request parameter error, please check input data"),
    "not_found": (404, "ResourceNotFound", 1004, "The specified resource is not found."),
    "throttled": (429, "FlowLimitExceeded", 100018, "Too many requests: the basic call frequency limit is exceeded."),
    "common_err": (200, "CommonErr", 1001, "Unclassified error, please retry."),
    "status_500": (500, "InternalError", 100014, "an internal error occurred, please contact the administrator."),
    "status_502": (502, "InternalServiceError", 1005, "an internal error occurred, please contact the administrator."),
    "status_503": (503, "ServiceUnavailableTemp", 1006, "The service is temporarily unavailable, please retry."),
    "status_504": (504, "InternalServiceTimeout", 100016,
                   "Internal Service is timeout. please contact the administrator."),
}


class VolcengineVendor(Vendor):
    name = "volcengine"

    def new_request_id(self) -> str:
        return time.strftime("%Y%m%d%H%M%S", time.gmtime()) + os.urandom(10).hex().upper()[:19]

    def parse(self, request: Request) -> Call:
        query = request.query()
        action = query.get("Action", "")
        if action not in ACTIONS or query.get("Version") != VERSION:
            raise Rejection("unknown_action")
        params = _json_body(request)
        job_id = params.get("TaskID") if isinstance(params, dict) else None
        return Call(API, action, ACTIONS[action], params, None if job_id is None else str(job_id))

    def authenticate(self, emulator, request: Request, call: Call) -> str:
        return verify_volcengine(request, emulator.credentials)

    def execute(self, emulator, call: Call) -> dict:
        if not isinstance(call.params, dict):
            raise Rejection("bind_error")
        if call.is_list:
            return _list_pull_record_task(emulator.store, call.params)
        return _get_pull_record_task(emulator.store, call.params)

    def success(self, call: Call, document: dict, request_id: str) -> Response:
        return json_response(200, {"ResponseMetadata": _metadata(call.action, request_id), "Result": document})

    def error(self, rejection: Rejection, call: Optional[Call], request_id: str, emulator) -> Response:
        status, code, code_n, message = ERRORS.get(rejection.kind, ERRORS["status_500"])
        metadata = _metadata(call.action if call else "", request_id)
        metadata["Error"] = {"CodeN": code_n, "Code": code, "Message": rejection.message or message}
        return json_response(status, {"ResponseMetadata": metadata})


def _metadata(action: str, request_id: str) -> dict:
    return {"RequestId": request_id, "Action": action, "Version": VERSION, "Service": SERVICE, "Region": REGION}


def _json_body(request: Request):
    """The decoded JSON body ({} when empty); None when it is not a JSON object."""
    if not request.body.strip():
        return {}
    try:
        document = json.loads(request.body)
    except ValueError:
        return None
    return document if isinstance(document, dict) else None


def _get_pull_record_task(store, params: dict) -> dict:
    task_id = params.get("TaskID")
    if not task_id or not isinstance(task_id, str):
        raise Rejection("invalid_param", "TaskID is required.")
    record = store.get(API, task_id)
    if record is None:
        raise Rejection("not_found")
    return record


def _list_pull_record_task(store, params: dict) -> dict:
    page_num = bounded_int(params, "PageNum", 1, 1)
    page_size = bounded_int(params, "PageSize", 20, 1, 500)
    tasks = [task for task in store.all(API)
             if all(not params.get(name) or task.get(name) == params[name] for name in LIST_FILTERS)]
    tasks.sort(key=_start_timestamp, reverse=True)
    total = len(tasks)
    return {"List": page(tasks, page_num, page_size),
            "Pagination": {"PageCur": page_num, "PageSize": page_size,
                           "PageTotal": (total + page_size - 1) // page_size, "TotalCount": total}}


def _start_timestamp(task: dict) -> float:
    started = record_time(task.get("StartTime"))
    return started.timestamp() if started else 0.0
