# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark callback (tools/bench.py only): wall time of every task plus the result fields the benchmark reads."""

from __future__ import annotations

DOCUMENTATION = r"""
name: bench_timer
type: aggregate
short_description: Record per-task wall times for tools/bench.py
description:
  - Writes one JSON document to the file named by the BENCH_TIMER_OUT environment variable when the playbook ends.
  - Not part of the collection; used only by C(make bench).
"""

import json
import os
import time

from ansible.plugins.callback import CallbackBase


def _summary(result, failed=False):
    """The few fields of a module result the benchmark needs (never the jobs themselves).

    `failed`: the runner reported the task failed (with ignore_errors ansible-core may drop `failed` from the result).
    """
    failed = failed or bool(result.get("failed"))
    msg = str(result.get("msg", "")) if failed else ""
    summary = {
        "failed": failed,
        "msg": msg[:300],
        "msg_length": len(msg),
        "msg_lines": len(msg.splitlines()),
        "jobs": len(result.get("jobs") or []),
        "failed_ids": len(result.get("failed_ids") or []),
        "missing_ids": len(result.get("missing_ids") or []),
        "api_calls": result.get("api_calls"),
        "status": result.get("status"),
    }
    if "rows" in result:  # readiness_info: verdict counts and per-group times, not the rows themselves
        summary["readiness"] = {
            "summary": result.get("summary"),
            "elapsed": result.get("elapsed"),
            "groups": [{key: group.get(key) for key in ("label", "api", "seconds", "api_calls", "jobs", "error")}
                       for group in result.get("groups") or []],
        }
    return summary


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bench_timer"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tasks = []
        self._current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._current = {"name": task.get_name(), "start": time.monotonic(), "end": None, "items": [], "result": None}
        self._tasks.append(self._current)

    def _finish(self, result, failed=False):
        if self._current is None:
            return
        self._current["end"] = time.monotonic()
        self._current["seconds"] = self._current["end"] - self._current["start"]
        data = result._result  # pylint: disable=protected-access
        self._current["result"] = _summary(data, failed)
        if "results" in data:
            self._current["items"] = [_summary(item) for item in data["results"]]

    def v2_runner_on_ok(self, result, *args, **kwargs):  # pylint: disable=unused-argument
        self._finish(result)

    v2_runner_on_skipped = v2_runner_on_ok

    def v2_runner_on_failed(self, result, *args, **kwargs):  # pylint: disable=unused-argument
        self._finish(result, failed=True)

    v2_runner_on_unreachable = v2_runner_on_failed

    def v2_playbook_on_stats(self, stats):
        path = os.environ.get("BENCH_TIMER_OUT")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                json.dump({"tasks": self._tasks}, handle)
