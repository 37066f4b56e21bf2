"""Parameter checks shared by the vendors' Get and List calls (errors as vendor-neutral Rejections)."""

from datetime import datetime, timezone
from typing import Optional

from .rejection import Rejection


def require(params: dict, name: str) -> str:
    value = params.get(name)
    if value is None or value == "":
        raise Rejection("missing_param", "%s is mandatory for this action." % name)
    return str(value)


def bounded_int(params: dict, name: str, default: int, minimum: int, maximum: Optional[int] = None) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Rejection("invalid_param", "The specified parameter %s is not valid." % name)
    if number < minimum or (maximum is not None and number > maximum):
        raise Rejection("invalid_param", "The specified parameter %s is out of range [%s, %s]."
                        % (name, minimum, maximum if maximum is not None else "inf"))
    return number


def iso_utc(value: Optional[str], name: str) -> Optional[datetime]:
    """Alibaba UTC times: yyyy-MM-ddTHH:mm:ssZ (also without seconds)."""
    if not value:
        return None
    for time_format in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%MZ"):
        try:
            return datetime.strptime(value, time_format).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    raise Rejection("invalid_param", "The specified parameter %s is not a valid UTC time." % name)


def record_time(value) -> Optional[datetime]:
    """A stored record's timestamp (any ISO-8601 form the fixtures use), or None."""
    if not value:
        return None
    text = str(value).replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def page(items: list, page_no: int, page_size: int) -> list:
    start = (page_no - 1) * page_size
    return items[start:start + page_size]
