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


def _summary(result):
    """The few fields of a module result the benchmark needs (never the jobs themselves)."""
    return {
        "failed": bool(result.get("failed")),
        "msg": str(result.get("msg", ""))[:300] if result.get("failed") else "",
        "jobs": len(result.get("jobs") or []),
        "failed_ids": len(result.get("failed_ids") or []),
        "missing_ids": len(result.get("missing_ids") or []),
        "api_calls": result.get("api_calls"),
        "status": result.get("status"),
    }


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

    def _finish(self, result, *args, **kwargs):  # pylint: disable=unused-argument
        if self._current is None:
            return
        self._current["end"] = time.monotonic()
        self._current["seconds"] = self._current["end"] - self._current["start"]
        data = result._result  # pylint: disable=protected-access
        self._current["result"] = _summary(data)
        if "results" in data:
            self._current["items"] = [_summary(item) for item in data["results"]]

    v2_runner_on_ok = v2_runner_on_failed = v2_runner_on_unreachable = v2_runner_on_skipped = _finish

    def v2_playbook_on_stats(self, stats):
        path = os.environ.get("BENCH_TIMER_OUT")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                json.dump({"tasks": self._tasks}, handle)
