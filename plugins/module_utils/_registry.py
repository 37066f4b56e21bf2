# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every vendor API this collection reads, one line each. Modules import their own API file, not this registry."""

from __future__ import annotations

from ._api_huawei_record import API as HUAWEI_RECORD
from ._api_ice_record import API as ICE_RECORD
from ._api_ice_snapshot import API as ICE_SNAPSHOT
from ._api_live_edge_transcode import API as LIVE_EDGE_TRANSCODE
from ._api_volc_pull_record import API as VOLC_PULL_RECORD
from ._normalize import STATUSES

APIS = {api.name: api for api in (ICE_RECORD, ICE_SNAPSHOT, LIVE_EDGE_TRANSCODE, VOLC_PULL_RECORD, HUAWEI_RECORD)}
VENDORS = {api.vendor.name: api.vendor for api in APIS.values()}
# the statuses a report adds to the normalized ones: a job the vendor does not know, a job that could not be read
STATUS_ORDER = STATUSES + ("missing", "error")
