"""The access keys and tokens the emulator accepts, per vendor, as configured in the fixture."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional


@dataclass(frozen=True)
class Credential:
    access_key: str
    secret: str
    token: Optional[str] = None       # STS / session token the key must be used with, if any
    project_id: Optional[str] = None  # Huawei only
    account: str = ""                 # who the rate limits count against; "" = the access key itself

    def __post_init__(self):
        if not self.account:
            object.__setattr__(self, "account", self.access_key)


@dataclass
class CredentialBook:
    alibaba: Dict[str, Credential] = field(default_factory=dict)
    volcengine: Dict[str, Credential] = field(default_factory=dict)
    huawei: Dict[str, Credential] = field(default_factory=dict)
    huawei_auth_tokens: Dict[str, str] = field(default_factory=dict)  # X-Auth-Token -> account

    @classmethod
    def from_fixture(cls, section: dict) -> "CredentialBook":
        section = section or {}
        alibaba = [Credential(c["access_key_id"], c["access_key_secret"], c.get("security_token"),
                              account=_account(c)) for c in section.get("alibaba") or []]
        volcengine = [Credential(c["access_key"], c["secret_key"], c.get("session_token"), account=_account(c))
                      for c in section.get("volcengine") or []]
        huawei = [Credential(c["access_key"], c["secret_key"], c.get("security_token"), str(c["project_id"]),
                             _account(c)) for c in section.get("huawei") or []]
        return cls(_by_key(alibaba), _by_key(volcengine), _by_key(huawei),
                   _auth_tokens(section.get("huawei_auth_tokens") or []))


def _account(entry: dict) -> str:
    return str(entry.get("account") or "")


def _by_key(credentials: List[Credential]) -> Dict[str, Credential]:
    return {credential.access_key: credential for credential in credentials}


def _auth_tokens(entries: list) -> Dict[str, str]:
    """Entries are token strings or {token, account}; a token without an account is its own account."""
    tokens = {}
    for entry in entries:
        token = entry if isinstance(entry, str) else entry["token"]
        account = "" if isinstance(entry, str) else _account(entry)
        tokens[token] = account or token
    return tokens
