# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every vendor client holds: the shared transport, the credentials, and the host it signs requests for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class HostClient:
    transport: Any
    credentials: Any
    base_url: str
    host: str
    clock: Callable
