"""HTTP/1.1 keep-alive plumbing: turns sockets into Requests and Responses back into bytes (or misbehaviour)."""

import socket
import ssl
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional, Tuple
from urllib.parse import urlsplit

from .core import Emulator
from .http_types import Request, Response


class EmulatorRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "live-jobs-emulator"
    # TCP_NODELAY: headers and body leave in two writes; with Nagle the body waits for the client's delayed ACK
    # (~40 ms on Linux), which added ~43 ms to every keep-alive reply (measured by make bench, docs/performance.md)
    disable_nagle_algorithm = True

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self):
        self._serve()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def log_message(self, format, *args):  # noqa: A002 - keep the loopback server quiet
        pass

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        target = urlsplit(self.path)
        request = Request(self.command, target.path or "/", target.query, self.headers, body)
        response = self.server.emulator.handle(request)
        if response.transport == "reset":
            self._reset_connection()
        elif response.transport == "timeout":
            self.server.emulator.stopping.wait(self.server.emulator.settings.timeout_fault_seconds)
            self.close_connection = True
        else:
            self._write(response)

    def _write(self, response: Response) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        if response.transport == "truncated":
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        body = response.body[: len(response.body) // 2] if response.transport == "truncated" else response.body
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    def _reset_connection(self) -> None:
        """Close with SO_LINGER 0 so the client sees a TCP RST instead of a response."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True


class EmulatorHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: Tuple[str, int], emulator: Emulator, ssl_context: Optional[ssl.SSLContext] = None):
        super().__init__(address, EmulatorRequestHandler)
        self.emulator = emulator
        self.ssl_context = ssl_context

    def finish_request(self, request, client_address) -> None:
        """With TLS, handshake on the worker thread: a client that refuses the certificate only drops its socket."""
        if self.ssl_context is not None:
            try:
                request = self.ssl_context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
        super().finish_request(request, client_address)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return "%s://%s:%d" % ("https" if self.ssl_context is not None else "http", host, port)


def tls_context(cert_file: str, key_file: str) -> ssl.SSLContext:
    """A server-side TLS context for --tls-cert/--tls-key (PEM files)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


class RunningEmulator:
    """A server answering on its own thread until stop()."""

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", port: int = 0,
                 ssl_context: Optional[ssl.SSLContext] = None):
        self.emulator = emulator
        self.server = EmulatorHTTPServer((host, port), emulator, ssl_context)
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        return self.server.base_url

    def start(self) -> "RunningEmulator":
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="live-jobs-emulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.emulator.stop()
        self.server.shutdown()
        self.server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
