"""The life of one vendor call: parse, authenticate, inject faults, rate-limit, execute, reply."""

from .apis import SHAPES
from .calls import Call, Vendor
from .fault_replies import fault_reply, truncate, with_unknown_status
from .faults import jittered_seconds
from .http_types import Request, Response
from .rejection import AUTH_KINDS, THROTTLE_KINDS, Rejection

# Fault kinds applied to the call's own reply; the others replace the reply.
_POST_EXECUTE_FAULTS = ("truncated", "unknown_status")


def serve_vendor_call(emulator, vendor: Vendor, request: Request) -> Response:
    request_id = vendor.new_request_id()
    try:
        call = vendor.parse(request)
    except Rejection as rejection:  # no API id yet: counted under the vendor's name
        _count_rejection(emulator, vendor, None, rejection)
        return vendor.error(rejection, None, request_id, emulator)
    emulator.stats.count("requests", call.api)
    emulator.stats.tally(call.api, call.limit_key, "requests")
    response = _serve_call(emulator, vendor, request, call, request_id)
    if 200 <= response.status < 300:
        emulator.stats.accepted(call.api, call.limit_key)
    return response


def _serve_call(emulator, vendor: Vendor, request: Request, call: Call, request_id: str) -> Response:
    try:
        account = vendor.authenticate(emulator, request, call)
        _pause(emulator, emulator.settings.latency_ms, emulator.settings.jitter_ms)
        fault = _take_fault(emulator, call)
        if fault is not None and fault.kind not in _POST_EXECUTE_FAULTS:
            reply = fault_reply(call, fault, request_id)
            if reply is not None:
                return reply
        if not emulator.limiter.allow(call.limit_key, account):
            raise Rejection("throttled")
        document = vendor.execute(emulator, call)
        if fault is not None and fault.kind == "unknown_status":
            document = with_unknown_status(SHAPES[call.api], call, document)
        response = vendor.success(call, document, request_id)
        return truncate(response) if fault is not None and fault.kind == "truncated" else response
    except Rejection as rejection:
        _count_rejection(emulator, vendor, call, rejection)
        return vendor.error(rejection, call, request_id, emulator)


def _take_fault(emulator, call: Call):
    fault = emulator.faults.take(call.api, call.job_id)
    if fault is not None:
        emulator.stats.count("faults_fired", fault.kind)
        if fault.kind == "latency":
            _pause(emulator, fault.latency_ms, fault.jitter_ms)
            return None
    return fault


def _pause(emulator, latency_ms: float, jitter_ms: float) -> None:
    seconds = jittered_seconds(latency_ms, jitter_ms)
    if seconds:
        emulator.stopping.wait(seconds)


def _count_rejection(emulator, vendor: Vendor, call, rejection: Rejection) -> None:
    key = call.api if call is not None else vendor.name
    for counter_name, kinds in (("signature_failures", AUTH_KINDS), ("throttled", THROTTLE_KINDS)):
        if rejection.kind in kinds:
            emulator.stats.count(counter_name, key)
            if call is not None:
                emulator.stats.tally(call.api, call.limit_key, counter_name)
    emulator.stats.count("errors", "%s:%s" % (key, rejection.kind))
