"""Verifying keyport's webhook deliveries.

Each delivery carries ``Keyport-Signature: t=<unix seconds>,v1=<hex>`` where each ``v1`` is
HMAC-SHA256 of ``"<t>.<raw body>"`` under one of the endpoint's live secrets (two while a
rotated secret overlaps its successor). Verify against the raw body, before parsing it."""

from __future__ import annotations

import hashlib
import hmac
import time

__all__ = ["DEFAULT_TOLERANCE", "verify_signature"]

#: Seconds a signature's timestamp may differ from now (replayed deliveries are refused).
DEFAULT_TOLERANCE = 300


def verify_signature(
    payload: bytes | str,
    header: str,
    secret: str,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """Whether ``header`` (the ``Keyport-Signature`` value) signs ``payload`` with ``secret``
    within ``tolerance`` seconds of ``now``. Comparisons take constant time."""
    body = payload.encode() if isinstance(payload, str) else payload
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t":
            try:
                timestamp = int(value)
            except ValueError:
                return False
        elif name == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    # Every candidate is compared, so the time taken does not say which one matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(expected, candidate)
    return matched
