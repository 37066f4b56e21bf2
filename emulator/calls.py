"""One parsed vendor call, and the interface every vendor module implements."""

from dataclasses import dataclass, field
from typing import Optional

from .http_types import Response
from .rejection import Rejection


@dataclass
class Call:
    api: str                      # one of API_IDS
    action: str                   # the vendor's operation name, e.g. GetLiveRecordJob
    is_list: bool
    params: Optional[dict] = field(default_factory=dict)  # None: the body could not be parsed
    job_id: Optional[str] = None  # used to match per-job faults

    @property
    def limit_key(self) -> str:
        return self.api + ".list" if self.is_list else self.api


class Vendor:
    """Parses, authenticates, executes and shapes the replies of one vendor's calls."""

    name = ""

    def parse(self, request) -> Call:
        raise NotImplementedError

    def authenticate(self, emulator, request, call: Call) -> str:
        raise NotImplementedError

    def execute(self, emulator, call: Call) -> dict:
        raise NotImplementedError

    def success(self, call: Call, document: dict, request_id: str) -> Response:
        raise NotImplementedError

    def error(self, rejection: Rejection, call: Optional[Call], request_id: str, emulator) -> Response:
        raise NotImplementedError

    def new_request_id(self) -> str:
        raise NotImplementedError
