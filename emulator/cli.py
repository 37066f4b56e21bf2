"""Command line: parse options, start the server, print the URL, stop on SIGTERM/SIGINT."""

import argparse
import json
import os
import signal
import sys
import threading
from typing import List, Optional

from .core import Emulator
from .server import RunningEmulator, tls_context
from .settings import ICE_ERROR_DIALECTS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ansible_collections.mediaops.live_jobs.emulator",
                                     description="Loopback emulator of the live-job vendor APIs.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default)")
    parser.add_argument("--fixture", help="YAML/JSON fixture file (default: the bundled data/default.yml)")
    parser.add_argument("--url-file", help="also write the base URL into this file")
    parser.add_argument("--no-rate-limit", action="store_true", help="disable all rate limits")
    parser.add_argument("--rate-limit", action="append", default=[], metavar="API=RPS",
                        help="requests/s per account for an api id (Get) or '<api>.list'; repeatable")
    parser.add_argument("--latency-ms", type=float, help="added latency for every vendor call")
    parser.add_argument("--jitter-ms", type=float, help="+/- random jitter on that latency")
    parser.add_argument("--fault", action="append", default=[], metavar="JSON",
                        help='a fault rule, e.g. \'{"api": "ice_record", "kind": "status_503", "count": 2}\'')
    parser.add_argument("--timeout-fault-seconds", type=float, help="how long the 'timeout' fault hangs (30)")
    parser.add_argument("--ice-error-dialect", choices=ICE_ERROR_DIALECTS,
                        help="ICE throttling/not-found as the API gateway's codes (gateway, default) or as "
                             "IMS's 403 RequestsTooFrequent / 404 ResourceNotFound (ims)")
    parser.add_argument("--tls-cert", help="serve HTTPS with this PEM certificate (chain); needs --tls-key")
    parser.add_argument("--tls-key", help="the PEM private key of --tls-cert")
    return parser


def overrides_from(args: argparse.Namespace) -> dict:
    overrides = {"rate_limits": dict(_rate_limit(item) for item in args.rate_limit)}
    if args.no_rate_limit:
        overrides["rate_limit_enabled"] = False
    for name in ("latency_ms", "jitter_ms", "timeout_fault_seconds", "ice_error_dialect"):
        if getattr(args, name) is not None:
            overrides[name] = getattr(args, name)
    return overrides


def _rate_limit(item: str):
    api, sep, rps = item.partition("=")
    if not sep:
        raise SystemExit("--rate-limit expects API=RPS, got %r" % item)
    return api.strip(), float(rps)


def _write_atomically(path: str, text: str) -> None:
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    faults = [json.loads(rule) for rule in args.fault]
    if bool(args.tls_cert) != bool(args.tls_key):
        raise SystemExit("--tls-cert and --tls-key go together")
    context = tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
    running = RunningEmulator(Emulator(args.fixture, faults=faults, **overrides_from(args)), args.host, args.port, context)
    stop_requested = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop_requested.set())
    running.start()
    if args.url_file:
        _write_atomically(args.url_file, running.url + "\n")  # before printing: the printed URL means "ready"
    print(running.url, flush=True)
    while not stop_requested.wait(0.5):
        pass
    running.stop()
    print("emulator stopped", file=sys.stderr, flush=True)
    return 0
