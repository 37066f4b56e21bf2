# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""readiness_checks: an event file's `checks` (the list of groups, or the older mapping of API to section) -> groups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ansible.errors import AnsibleFilterError

# APIs whose endpoint the older event files picked with the play-wide `region` variable
REGIONAL_APIS = ("ice_record", "ice_snapshot", "live_edge_transcode")


def readiness_checks(checks, region=None):
    """The list form of `checks`; the mapping form {api: section} becomes one group per section, in file order."""
    if isinstance(checks, Mapping):
        groups = []
        for api, section in checks.items():
            if not isinstance(section, Mapping):
                raise AnsibleFilterError(f"readiness_checks: checks.{api} must be a mapping with expect, got {type(section).__name__}")
            group = {"api": api, **section}
            if region and api in REGIONAL_APIS and not group.get("region"):
                group["region"] = region
            groups.append(group)
        return groups
    if isinstance(checks, Sequence) and not isinstance(checks, (str, bytes)):
        return list(checks)
    raise AnsibleFilterError(f"readiness_checks: checks must be a list of groups or a mapping of API to section, got {type(checks).__name__}")


class FilterModule:
    """The event-file normalization filter of mediaops.live_jobs."""

    def filters(self):
        return {"readiness_checks": readiness_checks}
