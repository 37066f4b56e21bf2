# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The list options of every module (use_list, status, name, created_after/before), checked before any request, and
the rule that says when a batch of ids could be cheaper by List than by Get.

Kept apart from _listing.py (the List paging itself) so that a run that cannot use a List call, such as a few ids
or use_list=never, never loads the List code: every module pays for what it imports at each start-up.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import NamedTuple

from ._errors import OptionError

USE_LIST_CHOICES = ["auto", "always", "never"]
LIST_FILTER_OPTIONS = ("status", "name", "created_after", "created_before")
# use_list=auto probes a List page only when even a one-page List would save this much over the Gets (_listing.py)
MIN_SAVING_SECONDS = 2.0
_UTC = timezone.utc


class ListFilters(NamedTuple):
    statuses: tuple = ()
    name: str | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_time(value, option):
    """An ISO 8601 date or date-time (naive = UTC) -> aware UTC datetime; OptionError otherwise."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if _DATE_ONLY.match(text):
        text += "T00:00:00"
    text = re.sub(r"[zZ]$", "+00:00", text.replace(" ", "T", 1))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise OptionError(option, f"{value!r} is not an ISO 8601 date or date-time such as 2024-05-01 or 2024-05-01T08:00:00Z") from None
    return moment.replace(tzinfo=_UTC) if moment.tzinfo is None else moment.astimezone(_UTC)


def check_list_options(api, params, listing):
    """ListFilters for list mode; OptionError when list options are misused. Runs before any request."""
    given = [option for option in LIST_FILTER_OPTIONS if params.get(option) not in (None, "", [])]
    if not listing:
        if given:
            raise OptionError(given[0], "selects jobs in list mode only; omit job_ids to list jobs, or drop " + ", ".join(given))
        return None
    if api.listing is None:
        raise OptionError("job_ids", f"{api.vendor.name} has no List call for {api.kind} jobs, so job_ids is required")
    if params.get("wait_for_status"):
        raise OptionError("wait_for_status", "needs job_ids; it cannot be combined with list mode")
    filters = ListFilters(
        statuses=tuple(dict.fromkeys(params.get("status") or ())),
        name=(params.get("name") or None),
        created_after=parse_time(params.get("created_after"), "created_after"),
        created_before=parse_time(params.get("created_before"), "created_before"),
    )
    if filters.name is not None and len(filters.name) > 128:
        raise OptionError("name", "is at most 128 characters long")
    if filters.created_after and filters.created_before and filters.created_after > filters.created_before:
        raise OptionError("created_after", "is later than created_before")
    return filters


def list_may_pay(spec, use_list, count, get_rate, list_rate):
    """Whether a batch of `count` ids should probe the API's List call (`spec`: its ListSpec, or None)."""
    if spec is None or not spec.batch or use_list == "never" or count == 0:
        return False
    if use_list == "always":
        return True
    return count / get_rate - 1.0 / list_rate >= MIN_SAVING_SECONDS
