# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Input checks and value cleaning shared by the readiness filters: types, times, text that is safe in every output."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from ansible.errors import AnsibleFilterError

# XML 1.0 Char production: everything else (C0 controls except TAB/LF/CR, surrogates, U+FFFE/U+FFFF) is illegal;
# surrogates cannot be encoded as UTF-8 either, so they go from every output.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# For one-line output (text table cells, message lines) every control character goes.
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_FRACTION_RE = re.compile(r"[.,](\d+)(?=$|[+-]\d)")
_OFFSET_RE = re.compile(r"(?<=\d)([+-])(\d\d)(\d\d)$")


def is_mapping(value):
    return isinstance(value, Mapping)


def is_list(value):
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def clean(value):
    """Any value -> str without characters illegal in XML 1.0 (None -> "")."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return _XML_ILLEGAL_RE.sub("", str(value))


def opt_str(value):
    """A vendor value for a row: None stays None, anything else becomes a str that every output can carry."""
    if value is None:
        return None
    return clean(value)


def one_line(value, limit=None):
    """Text for one console line: control characters become spaces; cut to `limit` characters with an ellipsis."""
    text = _CONTROL_RE.sub(" ", clean(value))
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "\u2026"
    return text


def plain(value):
    """A JSON-able copy made of plain dict/list/str/int/float/bool/None (Ansible hands filters tagged, lazy types)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if is_mapping(value):
        return {clean(key): plain(item) for key, item in value.items()}
    if is_list(value):
        return [plain(item) for item in value]
    return clean(value)


def check_event_name(event_name, filter_name):
    if event_name is None or is_mapping(event_name) or is_list(event_name):
        raise AnsibleFilterError(f"{filter_name}: event_name must be a string, got {type(event_name).__name__}")
    return clean(event_name)


def parse_checked_at(value, filter_name):
    """checked_at (ISO 8601 string, datetime, epoch seconds or None for now) -> aware UTC datetime (whole seconds)."""
    if value is None or value == "":
        moment = datetime.now(timezone.utc)
    elif isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value, timezone.utc)
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        # Python 3.10's fromisoformat() takes only 3 or 6 fraction digits and +HH:MM offsets.
        text = _FRACTION_RE.sub(lambda m: "." + (m.group(1) + "000000")[:6], text)
        text = _OFFSET_RE.sub(r"\1\2:\3", text)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise AnsibleFilterError(
                f"{filter_name}: checked_at {value!r} is not an ISO 8601 time such as 2026-03-01T18:00:00Z") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
    else:
        raise AnsibleFilterError(
            f"{filter_name}: checked_at must be an ISO 8601 string, a datetime or epoch seconds, "
            f"got {type(value).__name__}")
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def utc_z(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def seconds(value):
    """A duration from a result (float, int or numeric string) -> float, or None when absent or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
