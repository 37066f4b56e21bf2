"""Which vendor a request on the shared port belongs to."""

from .alibaba import AlibabaVendor
from .calls import Vendor
from .http_types import Request
from .huawei import HuaweiVendor
from .volcengine import ACTIONS as VOLCENGINE_ACTIONS
from .volcengine import VolcengineVendor

ALIBABA = AlibabaVendor()
VOLCENGINE = VolcengineVendor()
HUAWEI = HuaweiVendor()


def vendor_for(request: Request) -> Vendor:
    """Huawei by its REST path; Volcengine by Action name or HMAC-SHA256 scheme; everything else is Alibaba RPC."""
    if request.path.startswith("/v2/"):
        return HUAWEI
    if (request.header("Authorization") or "").startswith("HMAC-SHA256 "):
        return VOLCENGINE
    if not request.header("x-acs-action") and request.query().get("Action") in VOLCENGINE_ACTIONS:
        return VOLCENGINE
    return ALIBABA
