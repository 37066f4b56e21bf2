"""The job records per API, with scheduled status flips applied lazily when a job is read."""

import copy
import heapq
import itertools
import threading
import time
from typing import Dict, List, Optional, Tuple

from .apis import SHAPES


class JobStore:
    def __init__(self, jobs_by_api: Dict[str, List[dict]]):
        self._lock = threading.Lock()
        self._jobs: Dict[str, Dict[str, dict]] = {api: {} for api in SHAPES}
        self._pending: List[Tuple[float, int, str, str, dict]] = []
        self._sequence = itertools.count()
        for api, records in (jobs_by_api or {}).items():
            self.upsert(api, records)

    def get(self, api: str, job_id: str) -> Optional[dict]:
        with self._lock:
            self._apply_due()
            record = self._jobs[api].get(str(job_id))
            return copy.deepcopy(record) if record is not None else None

    def all(self, api: str) -> List[dict]:
        with self._lock:
            self._apply_due()
            return copy.deepcopy(list(self._jobs[api].values()))

    def upsert(self, api: str, records: List[dict]) -> int:
        id_field = SHAPES[api].id_field
        with self._lock:
            for record in records:
                self._jobs[api][str(record[id_field])] = copy.deepcopy(record)
        return len(records)

    def exists(self, api: str, job_id: str) -> bool:
        with self._lock:
            return str(job_id) in self._jobs[api]

    def schedule(self, api: str, job_id: str, updates: dict, after_seconds: float) -> None:
        """Merge `updates` into the record once `after_seconds` have passed."""
        due = time.monotonic() + max(0.0, after_seconds)
        with self._lock:
            heapq.heappush(self._pending, (due, next(self._sequence), api, str(job_id), dict(updates)))
            self._apply_due()

    def counts(self) -> Dict[str, int]:
        with self._lock:
            return {api: len(jobs) for api, jobs in self._jobs.items()}

    def _apply_due(self) -> None:
        now = time.monotonic()
        while self._pending and self._pending[0][0] <= now:
            _due, _sequence, api, job_id, updates = heapq.heappop(self._pending)
            record = self._jobs[api].get(job_id)
            if record is not None:
                record.update(updates)
