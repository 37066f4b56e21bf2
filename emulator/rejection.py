"""A vendor-neutral reason to refuse a call; each vendor module maps the kind to its own error shape."""

# Kinds that count as authentication failures in the stats.
AUTH_KINDS = frozenset(("bad_access_key", "bad_signature", "bad_token", "expired", "bad_timestamp", "nonce_used",
                        "missing_auth", "bad_project"))

# "throttled_ims": ICE's own RequestsTooFrequent, raised by the throttle_ims fault whatever the dialect setting.
THROTTLE_KINDS = frozenset(("throttled", "throttled_ims"))


class Rejection(Exception):
    """kind: one of the keys of a vendor's ERRORS table; message overrides the table's default text."""

    def __init__(self, kind: str, message: str = ""):
        super().__init__(kind, message)
        self.kind = kind
        self.message = message
