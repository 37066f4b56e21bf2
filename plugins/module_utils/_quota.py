# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One quota per account and API on a controller: the rate limiter's state in a lock-protected file.

Every task, fork and playbook of the user that reads the same API with the same account on the same host shares one
file, so together they stay within the account's quota and share what throttling taught. The file name is a digest of
(vendor, host, account, API); the file holds only bucket numbers, never a key or a secret. Directory:
$MEDIAOPS_LIVE_JOBS_QUOTA_DIR, else $XDG_RUNTIME_DIR/mediaops.live_jobs/quota, else ~/.cache/mediaops.live_jobs/quota.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading

try:
    import fcntl
except ImportError:  # not POSIX: no shared quota, each task paces alone
    fcntl = None

QUOTA_DIR_ENV = "MEDIAOPS_LIVE_JOBS_QUOTA_DIR"


def quota_dir(environ=None):
    environ = os.environ if environ is None else environ
    if environ.get(QUOTA_DIR_ENV):
        return environ[QUOTA_DIR_ENV]
    base = environ.get("XDG_RUNTIME_DIR") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mediaops.live_jobs", "quota")


def quota_key(vendor, host, account, api):
    text = "\0".join((vendor, host.lower(), account, api))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


class FileState:
    """Bucket state in a JSON file, read and written under an exclusive flock (and a lock for this process's threads)."""

    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    def update(self, change):
        with self._lock:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                state = self._read()
                result = change(state)
                self._write(state)
                return result
            finally:
                fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _read(self):
        os.lseek(self._fd, 0, os.SEEK_SET)
        raw = os.read(self._fd, 4096)
        try:
            state = json.loads(raw.decode("utf-8")) if raw else {}
        except ValueError:
            return {}
        return {key: value for key, value in state.items() if isinstance(value, (int, float))} if isinstance(state, dict) else {}

    def _write(self, state):
        data = json.dumps(state).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)
        os.ftruncate(self._fd, len(data))

    def close(self):
        os.close(self._fd)


def open_shared_state(vendor, host, account, api, environ=None):
    """FileState for this account and API; OSError when the directory cannot be used (the caller then paces alone)."""
    if fcntl is None:
        raise OSError("file locking (fcntl) is not available on this platform")
    directory = quota_dir(environ)
    os.makedirs(directory, mode=0o700, exist_ok=True)
    return FileState(os.path.join(directory, quota_key(vendor, host, account, api) + ".json"))
