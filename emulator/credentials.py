"""The access keys and tokens the emulator accepts, per vendor, as configured in the fixture."""

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Optional


@dataclass(frozen=True)
class Credential:
    access_key: str
    secret: str
    token: Optional[str] = None       # STS / session token the key must be used with, if any
    project_id: Optional[str] = None  # Huawei only


@dataclass
class CredentialBook:
    alibaba: Dict[str, Credential] = field(default_factory=dict)
    volcengine: Dict[str, Credential] = field(default_factory=dict)
    huawei: Dict[str, Credential] = field(default_factory=dict)
    huawei_auth_tokens: FrozenSet[str] = frozenset()

    @classmethod
    def from_fixture(cls, section: dict) -> "CredentialBook":
        section = section or {}
        alibaba = [Credential(c["access_key_id"], c["access_key_secret"], c.get("security_token"))
                   for c in section.get("alibaba", [])]
        volcengine = [Credential(c["access_key"], c["secret_key"], c.get("session_token"))
                      for c in section.get("volcengine", [])]
        huawei = [Credential(c["access_key"], c["secret_key"], c.get("security_token"), str(c["project_id"]))
                  for c in section.get("huawei", [])]
        return cls({c.access_key: c for c in alibaba}, {c.access_key: c for c in volcengine},
                   {c.access_key: c for c in huawei}, frozenset(section.get("huawei_auth_tokens", [])))
