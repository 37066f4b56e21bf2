# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A minimal DevTools-protocol client over chromium's --remote-debugging-pipe (no websocket library needed).

Chromium reads NUL-terminated JSON commands on fd 3 and writes NUL-terminated JSON replies and events on fd 4. Used
by the browser test to set an exact viewport (headless windows are at least 500 px wide, a phone is 420), evaluate
a measuring script (DevTools evaluation is not subject to the page's CSP) and take a screenshot of that viewport.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import subprocess
import time

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
         "--hide-scrollbars", "--remote-debugging-pipe")


class ChromiumPipe:
    def __init__(self, binary, profile, timeout=60):
        self.timeout = timeout
        self.next_id = 0
        self.buffer = b""
        self.events = []
        cmd_read, self.cmd_write = os.pipe()
        self.res_read, res_write = os.pipe()

        def wire_fds():  # in the child: its fd 3 reads our commands, its fd 4 carries its replies
            high_cmd, high_res = fcntl.fcntl(cmd_read, fcntl.F_DUPFD, 10), fcntl.fcntl(res_write, fcntl.F_DUPFD, 10)
            os.dup2(high_cmd, 3)
            os.dup2(high_res, 4)

        self.proc = subprocess.Popen(  # pylint: disable=subprocess-popen-preexec-fn
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, close_fds=False, preexec_fn=wire_fds,
            env=dict(os.environ, HOME=str(profile)))
        os.close(cmd_read)
        os.close(res_write)
        self.session = None

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.res_read], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.res_read, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe: " + self.proc.stderr.read().decode()[-2000:])
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=True, **params):
        self.next_id += 1
        command = {"id": self.next_id, "method": method, "params": params}
        if session and self.session:
            command["sessionId"] = self.session
        os.write(self.cmd_write, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, method):
        deadline = time.monotonic() + self.timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.events.append(self._read_message(deadline))

    def open(self, url, width, height):
        """A new tab with a width x height viewport, navigated to url, after its load event."""
        target = self.call("Target.createTarget", session=False, url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", session=False, targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        self.call("Page.enable")
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self):
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])

    def close(self):
        try:
            self.call("Browser.close", session=False)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.cmd_write, self.res_read):
            os.close(fd)
        self.proc.stderr.close()
