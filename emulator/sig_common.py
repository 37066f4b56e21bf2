"""The canonical header block all three vendors' signatures share (standard library only)."""

from typing import Mapping, Tuple


def canonical_headers(signed_headers: Mapping[str, str]) -> Tuple[str, str]:
    """('name:value\\n' per header sorted by lower-case name, values trimmed; 'name1;name2')."""
    lowered = {name.lower(): value.strip() for name, value in signed_headers.items()}
    names = sorted(lowered)
    return "".join(name + ":" + lowered[name] + "\n" for name in names), ";".join(names)
