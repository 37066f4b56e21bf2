"""The request and response values passed between the HTTP plumbing and the vendor handlers."""

import json
import time
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl

JSON_TYPE = "application/json;charset=utf-8"


@dataclass
class Request:
    method: str
    path: str
    raw_query: str
    headers: Mapping[str, str]
    body: bytes
    received_at: float = field(default_factory=time.time)

    def header(self, name: str) -> Optional[str]:
        """Case-insensitive header value, or None."""
        return self.headers.get(name)

    def query_pairs(self) -> List[Tuple[str, str]]:
        """Decoded query pairs; '+' means space on the wire (the Alibaba SDK encodes with quote_plus)."""
        return parse_qsl(self.raw_query, keep_blank_values=True)

    def query(self) -> Dict[str, str]:
        return dict(self.query_pairs())


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: Dict[str, str] = field(default_factory=dict)
    # None: normal response; "reset" | "timeout" | "truncated": misbehave on the socket (fault injection).
    transport: Optional[str] = None


def json_response(status: int, document, headers: Optional[Dict[str, str]] = None) -> Response:
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    all_headers = {"Content-Type": JSON_TYPE}
    all_headers.update(headers or {})
    return Response(status, body, all_headers)
