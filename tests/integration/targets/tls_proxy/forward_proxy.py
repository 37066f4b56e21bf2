#!/usr/bin/env python
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A tiny forward proxy on loopback for the tls_proxy target: CONNECT tunnels (HTTPS_PROXY) and absolute-URI requests
(HTTP_PROXY). Every request line is appended to LOG ("CONNECT host:port" or "METHOD http://..."); the port goes to
PORT_FILE once it listens. Usage: forward_proxy.py PORT_FILE LOG"""

import http.client
import os
import select
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

LOCK = threading.Lock()


class ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _record(self, line):
        with LOCK, open(self.server.log_path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def do_CONNECT(self):
        self._record("CONNECT %s" % self.path)
        host, dummy, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except OSError:
            self.send_error(502)
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True
        sockets = [self.connection, upstream]
        try:
            while True:
                readable, dummy, broken = select.select(sockets, [], sockets, 30)
                if broken or not readable:
                    break
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is self.connection else self.connection).sendall(data)
        except OSError:
            pass
        finally:
            upstream.close()

    def _forward(self):
        self._record("%s %s" % (self.command, self.path))
        target = urlsplit(self.path)
        if target.scheme != "http" or not target.hostname:
            self.send_error(400, "absolute http:// URI expected")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {name: value for name, value in self.headers.items() if name.lower() not in ("proxy-connection", "connection")}
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=10)
        try:
            upstream.request(self.command, target.path + ("?" + target.query if target.query else ""), body or None, headers)
            reply = upstream.getresponse()
            data = reply.read()
        except OSError:
            self.send_error(502)
            return
        finally:
            upstream.close()
        self.send_response(reply.status, reply.reason)
        for name, value in reply.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward


def main(port_file, log_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), ProxyHandler)
    server.daemon_threads = True
    server.log_path = log_path
    open(log_path, "a").close()
    with open(port_file + ".tmp", "w", encoding="utf-8") as handle:
        handle.write("%d\n" % server.server_address[1])
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever(poll_interval=0.1)


if __name__ == "__main__":
    main(*sys.argv[1:])
