"""Turns a fired fault rule into what goes on the wire (vendor errors, broken bodies, socket tricks)."""

import copy
from typing import Optional

from .apis import ICE_APIS, ApiShape
from .calls import Call
from .faults import FaultRule
from .http_types import Response
from .rejection import Rejection

# Fault kinds answered with the vendor's own error for a rejection kind.
_AS_VENDOR_ERROR = {
    "status_500": "status_500", "status_502": "status_502", "status_503": "status_503",
    "status_504": "status_504", "throttle": "throttled", "common_err": "common_err",
    "signature_mismatch": "bad_signature", "clock_skew": "expired",
}

HTML_GATEWAY_PAGE = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                     b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n"
                     b"</body>\r\n</html>\r\n")


def fault_reply(call: Call, fault: FaultRule, request_id: str) -> Optional[Response]:
    """The faulty reply, or None when the fault only alters the normal reply."""
    if fault.kind in _AS_VENDOR_ERROR:
        raise Rejection(_AS_VENDOR_ERROR[fault.kind])
    if fault.kind == "throttle_ims":
        raise Rejection("throttled_ims" if call.api in ICE_APIS else "throttled")
    if fault.kind == "html":
        return Response(502, HTML_GATEWAY_PAGE, {"Content-Type": "text/html"})
    if fault.kind == "malformed_json":
        body = ('{"RequestId": "%s", "Job": {"JobId": "%s", "Status": ' % (request_id, call.job_id or "")).encode()
        return Response(200, body, {"Content-Type": "application/json;charset=utf-8"})
    if fault.kind in ("reset", "timeout"):
        return Response(0, transport=fault.kind)
    return None


def truncate(response: Response) -> Response:
    """Announce the full Content-Length but send only half of the body, then close."""
    return Response(response.status, response.body, dict(response.headers), transport="truncated")


def with_unknown_status(shape: ApiShape, call: Call, document: dict) -> dict:
    """The reply document with every job's status set to a value the vendor never documented."""
    document = copy.deepcopy(document)
    for record in _records_in(document):
        if shape.status_field in record:
            record[shape.status_field] = shape.undocumented_status
    return document


def _records_in(document: dict):
    for key in ("RecordJob", "Job"):
        if isinstance(document.get(key), dict):
            yield document[key]
    for key in ("LiveRecordJobs", "List"):
        yield from document.get(key) or []
    job_list = document.get("JobList")
    if isinstance(job_list, dict):
        job_list = job_list.get("Job")
    yield from job_list or []
    yield document  # Get shapes with fields at the top level (snapshot, Huawei, Volcengine Result)
