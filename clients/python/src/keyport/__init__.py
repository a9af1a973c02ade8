"""keyport: the generated client (``keyport_client``) with what a generator cannot know:
retries after 429/503 honouring ``Retry-After``, retries after network errors, and an
``Idempotency-Key`` generated once per POST so that a retried POST never runs twice, and
the API version the models were generated from sent on every request."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from keyport_client import AuthenticatedClient, Client
from keyport_client.types import Response

from keyport.formats import PATTERNS
from keyport.version import API_VERSION
from keyport.webhooks import verify_signature

__all__ = [
    "API_VERSION",
    "PATTERNS",
    "FormatError",
    "Problem",
    "RetryingTransport",
    "check_format",
    "connect",
    "unwrap",
    "verify_signature",
]

RETRIED_STATUSES = (429, 503)


def _retry_after(response: httpx.Response) -> float | None:
    try:
        seconds = float(response.headers["retry-after"])
    except (KeyError, ValueError):
        return None
    return seconds if seconds >= 0 else None


class RetryingTransport(httpx.BaseTransport):
    """Retries 429 and 503 (after ``Retry-After``) and network errors; PATCH is never retried
    after a network error, and POSTs carry an ``Idempotency-Key`` fixed for all attempts."""

    def __init__(
        self,
        retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        inner: httpx.BaseTransport | None = None,
    ) -> None:
        self.retries = retries
        self.sleep = sleep
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and "idempotency-key" not in request.headers:
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        request.read()  # so the body can be sent again
        attempt = 0
        while True:
            backoff = 0.2 * 2**attempt
            try:
                response = self.inner.handle_request(request)
            except httpx.TransportError:
                if request.method == "PATCH" or attempt >= self.retries:
                    raise
                self.sleep(backoff)
                attempt += 1
                continue
            if response.status_code in RETRIED_STATUSES and attempt < self.retries:
                wait = _retry_after(response)
                response.close()
                self.sleep(backoff if wait is None else wait)
                attempt += 1
                continue
            return response

    def close(self) -> None:
        self.inner.close()


def connect(
    base_url: str,
    token: str | None = None,
    retries: int = 3,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    api_version: str = API_VERSION,
) -> AuthenticatedClient:
    """A client for keyport at ``base_url``; without a token, for the token and activation
    endpoints only. Every request speaks ``api_version`` (``Keyport-Version``), by default
    the version this SDK was generated from, whose shapes its models describe."""
    httpx_args: dict[str, Any] = {
        "transport": RetryingTransport(retries=retries, sleep=sleep, inner=transport),
    }
    headers = {"Keyport-Version": api_version}
    if token is None:
        # The operations are typed for authenticated clients; an anonymous one serves the
        # two that need no token.
        return Client(base_url=base_url, headers=headers, httpx_args=httpx_args)  # type: ignore[return-value]
    return AuthenticatedClient(base_url=base_url, token=token, headers=headers, httpx_args=httpx_args)


class Problem(Exception):
    """An RFC 9457 problem answered by keyport (or an RFC 6749 token error)."""

    def __init__(self, status: int, code: str, detail: str, request_id: str | None) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.request_id = request_id


def unwrap(response: Response[Any]) -> Any:
    """The parsed body of a successful response; a problem raises :class:`Problem`."""
    status = int(response.status_code)
    if 200 <= status < 300:
        return response.parsed
    parsed = response.parsed
    code = getattr(parsed, "code", None) or getattr(parsed, "error", None) or "unknown"
    detail = getattr(parsed, "detail", None) or getattr(parsed, "error_description", None) or ""
    raise Problem(status, str(code), str(detail), getattr(parsed, "request_id", None))




class FormatError(ValueError):
    """A value a field's documented pattern refuses, found before sending."""

    def __init__(self, field: str, value: str) -> None:
        super().__init__(f"{field}: {value!r} does not match {PATTERNS[field]}")
        self.field = field
        self.value = value


def check_format(field: str, value: str) -> str:
    """Checks a value against its field's pattern (e.g. ``"KeyInput.key"``) before it is
    sent; returns it, or raises :class:`FormatError`."""
    if re.fullmatch(PATTERNS[field], value) is None:
        raise FormatError(field, value)
    return value
