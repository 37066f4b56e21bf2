# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""_quota: one quota per account and API on a controller. The limiter's bucket in a flock-protected JSON file shared by
processes (two real processes here), a file named by a digest that never holds a key or secret, and the fall-back to a
local limiter when the directory cannot be used."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import sys
import warnings

import pytest

from ansible_collections.mediaops.live_jobs.plugins.module_utils import _quota
from ansible_collections.mediaops.live_jobs.plugins.module_utils._pacing import LocalState, RateLimiter
from ansible_collections.mediaops.live_jobs.plugins.module_utils._quota import (
    QUOTA_DIR_ENV, FileState, open_shared_state, quota_dir, quota_key,
)
from ansible_collections.mediaops.live_jobs.plugins.module_utils._registry import APIS
from ansible_collections.mediaops.live_jobs.plugins.module_utils._session import open_session

AK = "LTAI5tQuotaTestAccessKey01"
SECRET = "Zq8vR2nLx5Tb7Wc9Yd1Fe3Gh4Jk6Mp0S"
TOKEN = "STS.Nk4Qw8Er2Ty6Ui0Op3As7Df1Gh5Jk9Lz"
HOST = "ice.cn-shanghai.aliyuncs.com"

needs_flock = pytest.mark.skipif(_quota.fcntl is None, reason="no fcntl on this platform: the shared quota is off")


# --- two processes, one bucket --------------------------------------------------------------------------------------


def _reserve_in_child(path, rate, count, barrier, results):
    """Child process: a RateLimiter on the shared file, clock frozen, sleeping disabled; report every reserved wait."""
    try:
        limiter = RateLimiter(rate, clock=lambda: 0.0, sleep=lambda seconds: None, state=FileState(path))
        barrier.wait(10)
        results.put((os.getpid(), [limiter.acquire() for call_number in range(count)]))
    except BaseException as exc:  # pragma: no cover - reported to the parent
        results.put((os.getpid(), repr(exc)))


def _fork_context():
    if sys.platform == "win32" or "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs the fork start method")
    return multiprocessing.get_context("fork")


@needs_flock
def test_two_processes_share_one_bucket_and_pace_at_the_combined_rate(tmp_path):
    """Clock frozen at 0 in both processes: every reservation from either process gets its own slot 1/rate apart.
    Pacing alone, each process would get the slots 0, 1/rate, 2/rate, ... and together send at twice the rate."""
    ctx = _fork_context()
    path = str(tmp_path / "bucket.json")
    rate, count = 20.0, 40
    barrier, results = ctx.Barrier(2), ctx.Queue()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "fork() in a multi-threaded process" (3.12+)
        children = [ctx.Process(target=_reserve_in_child, args=(path, rate, count, barrier, results)) for child in range(2)]
        for child in children:
            child.start()
    try:
        got = [results.get(timeout=30) for child in children]
    finally:
        for child in children:
            child.join(10)
            if child.is_alive():  # pragma: no cover
                child.kill()
    assert {pid for pid, waits in got} == {child.pid for child in children}
    for pid, waits in got:
        assert isinstance(waits, list), waits
        assert waits == sorted(waits), "each process's own reservations are in order"
    combined = sorted(wait for pid, waits in got for wait in waits)
    assert combined == [pytest.approx(slot / rate) for slot in range(2 * count)]
    # the span of 2 x count requests is (2 x count - 1) / rate: the combined rate is the quota, not twice it
    assert combined[-1] == pytest.approx((2 * count - 1) / rate)
    with open(path, encoding="utf-8") as handle:
        state = json.load(handle)
    assert state["tokens"] == pytest.approx(1 - 2 * count)


@needs_flock
def test_throttling_learned_in_one_process_slows_the_other(tmp_path):
    ctx = _fork_context()
    path = str(tmp_path / "bucket.json")
    first = RateLimiter(10.0, clock=lambda: 0.0, sleep=lambda seconds: None, state=FileState(path))
    first.throttled(None)
    results = ctx.Queue()

    def child():
        limiter = RateLimiter(10.0, clock=lambda: 0.0, sleep=lambda seconds: None, state=FileState(path))
        results.put(limiter.current_rate())

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        process = ctx.Process(target=child)
        process.start()
    try:
        assert results.get(timeout=30) == pytest.approx(5.0)
    finally:
        process.join(10)


@needs_flock
def test_file_state_survives_garbage_in_the_file(tmp_path):
    path = tmp_path / "bucket.json"
    path.write_text('{"tokens": "lots", "updated": null, "rate": 3.5, "note": [1]}')
    state = FileState(str(path))
    seen = []
    state.update(lambda data: seen.append(dict(data)))
    assert seen == [{"rate": 3.5}], "only numbers are read back"
    path.write_text("not json at all")
    limiter = RateLimiter(10.0, clock=lambda: 0.0, sleep=lambda seconds: None, state=FileState(str(path)))
    assert limiter.acquire() == 0.0
    state.close()


# --- what is on disk ------------------------------------------------------------------------------------------------


@needs_flock
def test_file_name_is_a_digest_and_neither_name_nor_content_holds_a_key(tmp_path):
    directory = tmp_path / "quota"
    state = open_shared_state("alibaba", HOST, AK, "ice_record", {QUOTA_DIR_ENV: str(directory)})
    limiter = RateLimiter(50.0, clock=lambda: 0.0, sleep=lambda seconds: None, state=state)
    limiter.acquire()
    limiter.throttled(0.0, retry_after=1.0)
    (name,) = os.listdir(directory)
    assert name == quota_key("alibaba", HOST, AK, "ice_record") + ".json"
    digest = name[:-len(".json")]
    assert len(digest) == 40 and all(char in "0123456789abcdef" for char in digest)
    content = (directory / name).read_text(encoding="utf-8")
    for text in (AK, SECRET, TOKEN, "alibaba", HOST, "ice_record"):
        assert text not in name and text not in content
    assert all(isinstance(value, (int, float)) for value in json.loads(content).values())
    assert stat.S_IMODE(os.stat(directory / name).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    state.close()


def test_one_file_per_vendor_host_account_and_api():
    key = quota_key("alibaba", HOST, AK, "ice_record")
    assert quota_key("alibaba", HOST.upper(), AK, "ice_record") == key, "host names are case-insensitive"
    others = {quota_key("volcengine", HOST, AK, "ice_record"), quota_key("alibaba", "ice.cn-beijing.aliyuncs.com", AK, "ice_record"),
              quota_key("alibaba", HOST, AK + "2", "ice_record"), quota_key("alibaba", HOST, AK, "ice_snapshot"),
              quota_key("alibaba", HOST, AK, "ice_record.list")}
    assert key not in others and len(others) == 5


def test_quota_dir_sources(tmp_path):
    assert quota_dir({QUOTA_DIR_ENV: str(tmp_path)}) == str(tmp_path)
    assert quota_dir({"XDG_RUNTIME_DIR": "/run/user/1000"}) == os.path.join("/run/user/1000", "mediaops.live_jobs", "quota")
    assert quota_dir({}).endswith(os.path.join(".cache", "mediaops.live_jobs", "quota"))


# --- open_session: shared, local, fall-back -----------------------------------------------------------------------


class NoNetwork:
    def mount(self, prefix, adapter):
        pass

    def request(self, *args, **kwargs):
        raise AssertionError("no request expected")


def _params(**extra):
    return {**dict(access_key=AK, secret_key=SECRET, region="cn-shanghai", shared_quota=True), **extra}


@needs_flock
def test_open_session_shares_get_and_list_quota_files(tmp_path):
    env = {QUOTA_DIR_ENV: str(tmp_path / "q")}
    session = open_session(APIS["ice_record"], _params(), environ=env, http_session=NoNetwork())
    assert session.warnings == []
    get_state = session.transport.rate_limiter._state  # pylint: disable=protected-access
    list_state = session.lister.client.transport.rate_limiter._state  # pylint: disable=protected-access
    assert isinstance(get_state, FileState) and isinstance(list_state, FileState)
    assert os.path.basename(get_state.path) == quota_key("alibaba", HOST, AK, "ice_record") + ".json"
    assert os.path.basename(list_state.path) == quota_key("alibaba", HOST, AK, "ice_record.list") + ".json"
    # a second task of the same account and API uses the same file
    again = open_session(APIS["ice_record"], _params(), environ=env, http_session=NoNetwork())
    assert again.transport.rate_limiter._state.path == get_state.path  # pylint: disable=protected-access


def test_shared_quota_false_paces_alone_and_writes_nothing(tmp_path):
    env = {QUOTA_DIR_ENV: str(tmp_path / "q")}
    session = open_session(APIS["ice_record"], _params(shared_quota=False), environ=env, http_session=NoNetwork())
    assert isinstance(session.transport.rate_limiter._state, LocalState)  # pylint: disable=protected-access
    assert not (tmp_path / "q").exists()
    assert session.warnings == []


@pytest.mark.parametrize("layout", ["a file", "below a file"])
def test_unusable_directory_falls_back_to_a_local_limiter_with_a_warning(tmp_path, layout):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    directory = blocker if layout == "a file" else blocker / "quota"
    session = open_session(APIS["ice_record"], _params(), environ={QUOTA_DIR_ENV: str(directory)}, http_session=NoNetwork())
    assert isinstance(session.transport.rate_limiter._state, LocalState)  # pylint: disable=protected-access
    assert isinstance(session.lister.client.transport.rate_limiter._state, LocalState)  # pylint: disable=protected-access
    assert session.warnings, "the user must learn that this task paces alone"
    assert all("shared quota" in warning and "paces alone" in warning for warning in session.warnings)
    assert all(AK not in warning and SECRET not in warning for warning in session.warnings)
    assert session.transport.rate_limiter.rate == APIS["ice_record"].default_rate_limit
