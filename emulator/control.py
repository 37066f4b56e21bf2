"""The unauthenticated control API under /_emulator/ (faults, job flips, config, stats, reset)."""

import json
from typing import Callable, Dict, Tuple
from urllib.parse import unquote

from .apis import SHAPES
from .faults import FaultRule
from .http_types import Request, Response, json_response

PREFIX = "/_emulator/"


class ControlError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def serve_control(emulator, request: Request) -> Response:
    parts = [unquote(part) for part in request.path[len(PREFIX):].strip("/").split("/")]
    route = _ROUTES.get((request.method, parts[0], len(parts)))
    try:
        if route is None:
            raise ControlError(404, "no control route %s %s" % (request.method, request.path))
        status, document = route(emulator, parts[1:], _json(request))
    except ControlError as error:
        return json_response(error.status, {"error": str(error)})
    except (ValueError, KeyError, TypeError) as error:
        return json_response(400, {"error": "bad request: %s" % error})
    return json_response(status, document)


def _json(request: Request):
    return json.loads(request.body) if request.body.strip() else None


def _health(emulator, _args, _body):
    return 200, {"status": "ok", "jobs": emulator.store.counts()}


def _add_faults(emulator, _args, body):
    rules = body.get("faults", [body]) if isinstance(body, dict) else body
    emulator.faults.add([FaultRule.from_dict(rule) for rule in rules or []])
    return 200, {"faults": emulator.faults.rules()}


def _list_faults(emulator, _args, _body):
    return 200, {"faults": emulator.faults.rules()}


def _clear_faults(emulator, _args, _body):
    emulator.faults.clear()
    return 200, {"faults": []}


def _api(name: str) -> str:
    if name not in SHAPES:
        raise ControlError(400, "unknown api %r; expected one of %s" % (name, ", ".join(SHAPES)))
    return name


def _schedule_job_update(emulator, args, body):
    api, job_id = _api(args[0]), args[1]
    if not emulator.store.exists(api, job_id):
        raise ControlError(404, "no %s job %r" % (api, job_id))
    body = body or {}
    updates = dict(body.get("fields") or {})
    if "status" in body:
        updates[SHAPES[api].status_field] = body["status"]
    emulator.store.schedule(api, job_id, updates, float(body.get("after_seconds", 0)))
    return 202, {"api": api, "job_id": job_id, "updates": updates, "after_seconds": body.get("after_seconds", 0)}


def _show_job(emulator, args, _body):
    record = emulator.store.get(_api(args[0]), args[1])
    if record is None:
        raise ControlError(404, "no %s job %r" % (args[0], args[1]))
    return 200, record


def _upsert_jobs(emulator, args, body):
    records = body.get("jobs", []) if isinstance(body, dict) else body
    return 200, {"upserted": emulator.store.upsert(_api(args[0]), records or [])}


def _reset(emulator, _args, _body):
    emulator.reset()
    return 200, {"status": "reset", "jobs": emulator.store.counts()}


def _stats(emulator, _args, _body):
    return 200, emulator.stats.to_dict()


def _show_config(emulator, _args, _body):
    return 200, emulator.settings.to_dict()


def _update_config(emulator, _args, body):
    emulator.settings.update(**(body or {}))
    emulator.limiter.reset()
    return 200, emulator.settings.to_dict()


# (method, first path segment, number of segments) -> handler(emulator, remaining segments, json body)
_ROUTES: Dict[Tuple[str, str, int], Callable] = {
    ("GET", "health", 1): _health,
    ("GET", "faults", 1): _list_faults,
    ("POST", "faults", 1): _add_faults,
    ("DELETE", "faults", 1): _clear_faults,
    ("GET", "jobs", 3): _show_job,
    ("POST", "jobs", 3): _schedule_job_update,
    ("PUT", "jobs", 2): _upsert_jobs,
    ("POST", "reset", 1): _reset,
    ("GET", "stats", 1): _stats,
    ("GET", "config", 1): _show_config,
    ("POST", "config", 1): _update_config,
}
