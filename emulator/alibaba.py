"""Alibaba Cloud RPC calls (ICE 2020-11-09, Live 2016-11-01): routing by Action, error and reply shapes."""

import uuid
from typing import Optional
from urllib.parse import parse_qsl

from . import alibaba_jobs, alibaba_lists
from .apis import ICE_APIS
from .auth_alibaba import verify_alibaba
from .calls import Call, Vendor
from .http_types import Request, Response, json_response
from .rejection import Rejection

ICE_VERSION = "2020-11-09"
LIVE_VERSION = "2016-11-01"

# Action -> (api id, is a List call, API version, product, handler)
ACTIONS = {
    "GetLiveRecordJob": ("ice_record", False, ICE_VERSION, "ICE", alibaba_jobs.get_live_record_job),
    "GetLiveSnapshotJob": ("ice_snapshot", False, ICE_VERSION, "ICE", alibaba_jobs.get_live_snapshot_job),
    "ListLiveRecordJobs": ("ice_record", True, ICE_VERSION, "ICE", alibaba_lists.list_live_record_jobs),
    "ListLiveSnapshotJobs": ("ice_snapshot", True, ICE_VERSION, "ICE", alibaba_lists.list_live_snapshot_jobs),
    "GetEdgeTranscodeJob": ("live_edge_transcode", False, LIVE_VERSION, "live", alibaba_jobs.get_edge_transcode_job),
    "ListEdgeTranscodeJob": ("live_edge_transcode", True, LIVE_VERSION, "live",
                             alibaba_lists.list_edge_transcode_job),
}
_HOST_IDS = {"ICE": "ice.aliyuncs.com", "live": "live.aliyuncs.com"}

# ICE's own dialect (vendor-apis.md section 7), used with ice_error_dialect "ims" (or the throttle_ims fault).
IMS_ERRORS = {
    "throttled": (403, "RequestsTooFrequent", "Requests are too frequent"),
    "not_found": (404, "ResourceNotFound", "The specified resource does not exist."),
}

# Rejection kind -> (HTTP status, Code, default Message)
ERRORS = {
    "missing_auth": (400, "IncompleteSignature", "The request signature does not conform to Aliyun standards."),
    "bad_access_key": (404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
    "bad_signature": (400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation."),
    "bad_token": (400, "InvalidSecurityToken.MismatchWithAccessKey",
                  "Specified SecurityToken mismatch with the AccessKey."),
    "expired": (400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
    "bad_timestamp": (400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."),
    "nonce_used": (400, "SignatureNonceUsed", "Specified signature nonce was used already."),
    "unknown_action": (404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
    "bad_version": (400, "InvalidVersion", "Specified parameter Version is not valid."),
    "missing_param": (400, "MissingParameter", "A required parameter is missing."),
    "invalid_param": (400, "InvalidParameter", "The specified parameter is not valid."),
    "not_found": (404, "JobNotFound", "No such job."),
    "throttled": (400, "Throttling.User", "Request was denied due to user flow control."),
    "status_500": (500, "InternalError", "The request processing has failed due to some unknown error."),
    "status_502": (502, "InternalError", "The request processing has failed due to some unknown error."),
    "status_503": (503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
    "status_504": (504, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
}


class AlibabaVendor(Vendor):
    name = "alibaba"

    def new_request_id(self) -> str:
        return str(uuid.uuid4()).upper()

    def parse(self, request: Request) -> Call:
        query = request.query()
        action = request.header("x-acs-action") or query.get("Action", "")
        if action not in ACTIONS:
            raise Rejection("unknown_action")
        api, is_list, version, _product, _handler = ACTIONS[action]
        if (request.header("x-acs-version") or query.get("Version")) != version:
            raise Rejection("bad_version")
        params = dict(query, **_form_params(request))
        return Call(api, action, is_list, params, params.get("JobId"))

    def authenticate(self, emulator, request: Request, call: Call) -> str:
        return verify_alibaba(request, request.query(), _form_params(request), emulator.credentials,
                              emulator.nonces)

    def execute(self, emulator, call: Call) -> dict:
        handler = ACTIONS[call.action][4]
        return handler(emulator.store, call.params)

    def success(self, call: Call, document: dict, request_id: str) -> Response:
        return json_response(200, dict(document, RequestId=request_id), {"x-acs-request-id": request_id})

    def error(self, rejection: Rejection, call: Optional[Call], request_id: str, emulator) -> Response:
        ims_kind = _ims_kind(rejection.kind, call, emulator.settings.ice_error_dialect)
        if ims_kind is not None:
            status, code, message = IMS_ERRORS[ims_kind]
        else:
            status, code, message = ERRORS.get(rejection.kind, ERRORS["status_500"])
            message = rejection.message or message
        product = ACTIONS[call.action][3] if call is not None else "ICE"
        body = {
            "RequestId": request_id,
            "HostId": _HOST_IDS[product],
            "Code": code,
            "Message": message,
            "Recommend": "https://api.aliyun.com/troubleshoot?q=%s&product=%s&requestId=%s"
                         % (code, product, request_id),
        }
        return json_response(status, body, {"x-acs-request-id": request_id})


def _ims_kind(kind: str, call: Optional[Call], dialect: str) -> Optional[str]:
    """The IMS_ERRORS entry an ICE call answers with instead of the gateway's, if any."""
    if call is None or call.api not in ICE_APIS:
        return None
    if kind == "throttled_ims" or (dialect == "ims" and kind == "throttled"):
        return "throttled"
    if dialect == "ims" and kind == "not_found" and not call.is_list:
        return "not_found"
    return None


def _form_params(request: Request) -> dict:
    """RPC parameters sent as an urlencoded body (the SDK puts them in the query; other clients may not)."""
    content_type = (request.header("Content-Type") or "").lower()
    if not request.body or not content_type.startswith("application/x-www-form-urlencoded"):
        return {}
    return dict(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
