# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    # Attributes shared by every module. Each module also extends exactly one ACTION_GROUP_* fragment that matches
    # its action groups in meta/runtime.yml (attributes are merged per attribute, so memberships cannot be combined).

    DOCUMENTATION = r"""
attributes:
  check_mode:
    description: Can run in C(check_mode) and return changed status prediction without modifying target.
    support: full
    details:
      - The module only reads, so check mode runs the same queries and returns the same result.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in C(check_mode)), when in diff mode.
    support: none
    details:
      - The module never changes anything, so there is no diff.
"""

    ACTION_GROUP_ALIBABA = r"""
attributes:
  action_group:
    description: Use C(group/mediaops.live_jobs.alibaba) or C(group/mediaops.live_jobs.live_jobs) in C(module_defaults)
      to set defaults for this module.
    support: full
    membership:
      - mediaops.live_jobs.alibaba
      - mediaops.live_jobs.live_jobs
"""

    ACTION_GROUP_VOLCENGINE = r"""
attributes:
  action_group:
    description: Use C(group/mediaops.live_jobs.volcengine) or C(group/mediaops.live_jobs.live_jobs) in
      C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - mediaops.live_jobs.volcengine
      - mediaops.live_jobs.live_jobs
"""

    ACTION_GROUP_ALIBABA_HUAWEI = r"""
attributes:
  action_group:
    description: Use C(group/mediaops.live_jobs.alibaba), C(group/mediaops.live_jobs.huawei) or
      C(group/mediaops.live_jobs.live_jobs) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - mediaops.live_jobs.alibaba
      - mediaops.live_jobs.huawei
      - mediaops.live_jobs.live_jobs
"""
