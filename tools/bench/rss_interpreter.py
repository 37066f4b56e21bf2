# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Template of the measuring interpreter tools/bench.py writes to build/bench/ (it fills in the shebang and paths).

Ansible runs `<ansible_python_interpreter> AnsiballZ_x.py` (or pipes the payload to it). This stand-in forks, execs
the real interpreter with the same arguments and stdin/stdout, polls /proc/<pid>/status for the thread count while
it runs, then reaps the child with os.wait4: its rusage.ru_maxrss is the peak RSS of the module process itself (the
AnsiballZ wrapper runs the module in that same process). One JSON line per module run is appended to the log.
Standard library only; started with -I -S so it adds ~10 ms and no memory to what it measures.
"""

import json
import os
import sys
import time

REAL_PYTHON = "@REAL_PYTHON@"
LOG = "@LOG@"


def _threads(pid):
    try:
        with open("/proc/%d/status" % pid, encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def main():
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(REAL_PYTHON, [REAL_PYTHON] + sys.argv[1:])
        finally:
            os._exit(127)  # pylint: disable=protected-access
    peak_threads = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        peak_threads = max(peak_threads, _threads(pid))
        time.sleep(0.005)
    record = {"maxrss_kb": usage.ru_maxrss, "threads_peak": peak_threads, "seconds": round(time.monotonic() - started, 4),
              "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 4), "exit": os.waitstatus_to_exitcode(status)}
    with open(LOG, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    sys.exit(record["exit"] if record["exit"] >= 0 else 1)


if __name__ == "__main__":
    main()
