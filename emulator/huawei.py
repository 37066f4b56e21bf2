"""Huawei SparkRTC GET /v2/apps/{app_id}/individual-stream-jobs/{job_id}: routing, replies and errors."""

import re
import uuid
from typing import Optional
from urllib.parse import unquote

from .auth_huawei import verify_huawei
from .calls import Call, Vendor
from .http_types import Request, Response, json_response
from .rejection import Rejection

API = "huawei_record"
ACTION = "ShowIndividualStreamJob"
_PATH = re.compile(r"^/v2/apps/([^/]+)/individual-stream-jobs/([^/]+)/?$")
_IAM = "Incorrect IAM authentication information: "

# Rejection kind -> (HTTP status, error_code, error_msg)
ERRORS = {
    "missing_auth": (401, "APIG.0301", _IAM + "Authorization not found in header"),
    "bad_access_key": (401, "APIG.0301", _IAM + "get secretkey fail"),
    "bad_signature": (401, "APIG.0301", _IAM + "verify aksk signature fail"),
    "expired": (401, "APIG.0301", _IAM + "verify aksk signature fail: request expired"),
    "bad_timestamp": (401, "APIG.0301", _IAM + "verify aksk signature fail: x-sdk-date is invalid"),
    "bad_project": (401, "APIG.0301", _IAM + "the project id does not match the access key"),
    "bad_token": (401, "APIG.0301", _IAM + "decrypt token fail"),
    "unknown_action": (404, "APIG.0101", "The API does not exist or has not been published in the environment."),
    "missing_param": (400, "APIG.0201", "Bad request"),
    "invalid_param": (400, "APIG.0201", "Bad request"),
    "not_found": (404, "RTC.00001003", "InvalidParameterValue"),
    "throttled": (429, "APIG.0308",
                  "The throttling threshold has been reached: policy user over ratelimit,limit:%s,time:1 second"),
    "status_500": (500, "RTC.00002001", "InternalError"),
    "status_502": (502, "APIG.0201", "Backend unavailable"),
    "status_503": (503, "APIG.0201", "Backend unavailable"),
    "status_504": (504, "APIG.0201", "Backend timeout"),
}


class HuaweiVendor(Vendor):
    name = "huawei"

    def new_request_id(self) -> str:
        return uuid.uuid4().hex

    def parse(self, request: Request) -> Call:
        match = _PATH.match(request.path)
        if request.method != "GET" or match is None:
            raise Rejection("unknown_action")
        app_id, job_id = unquote(match.group(1)), unquote(match.group(2))
        return Call(API, ACTION, False, {"app_id": app_id, "job_id": job_id}, job_id)

    def authenticate(self, emulator, request: Request, call: Call) -> str:
        return verify_huawei(request, emulator.credentials)

    def execute(self, emulator, call: Call) -> dict:
        record = emulator.store.get(API, call.params["job_id"])
        if record is None or str(record.get("app_id")) != call.params["app_id"]:
            raise Rejection("not_found")
        return record

    def success(self, call: Call, document: dict, request_id: str) -> Response:
        return json_response(200, document, {"X-Request-Id": request_id})

    def error(self, rejection: Rejection, call: Optional[Call], request_id: str, emulator) -> Response:
        status, code, message = ERRORS.get(rejection.kind, ERRORS["status_500"])
        if rejection.kind == "throttled":
            message = message % _limit_text(emulator.settings.rate_limits.get(API))
        body = {"error_code": code, "error_msg": rejection.message or message}
        return json_response(status, body, {"X-Request-Id": request_id})


def _limit_text(rps) -> str:
    return "%g" % rps if rps else "10"
