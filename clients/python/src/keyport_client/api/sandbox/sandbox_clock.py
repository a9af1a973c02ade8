from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_forbidden import ProblemForbidden
from ...models.problem_not_found import ProblemNotFound
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unauthorized import ProblemUnauthorized
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...models.sandbox_clock import SandboxClock
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(keyport_version, Unset):
        headers["Keyport-Version"] = str(keyport_version)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sandbox/clock",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ProblemForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | SandboxClock
    | None
):
    if response.status_code == 200:
        response_200 = SandboxClock.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemUnsupportedApiVersion.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemForbidden.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemNotFound.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ProblemRateLimited.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ProblemServiceUnavailable.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    ProblemForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | SandboxClock
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | SandboxClock
]:
    """Read the sandbox clock

     The service's "now" and how far it was moved; only in sandbox mode (404 elsewhere), for the
    operator.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | SandboxClock]
    """

    kwargs = _get_kwargs(
        keyport_version=keyport_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | SandboxClock
    | None
):
    """Read the sandbox clock

     The service's "now" and how far it was moved; only in sandbox mode (404 elsewhere), for the
    operator.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | SandboxClock
    """

    return sync_detailed(
        client=client,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[
    ProblemForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | SandboxClock
]:
    """Read the sandbox clock

     The service's "now" and how far it was moved; only in sandbox mode (404 elsewhere), for the
    operator.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | SandboxClock]
    """

    kwargs = _get_kwargs(
        keyport_version=keyport_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> (
    ProblemForbidden
    | ProblemNotFound
    | ProblemRateLimited
    | ProblemServiceUnavailable
    | ProblemUnauthorized
    | ProblemUnsupportedApiVersion
    | SandboxClock
    | None
):
    """Read the sandbox clock

     The service's "now" and how far it was moved; only in sandbox mode (404 elsewhere), for the
    operator.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemForbidden | ProblemNotFound | ProblemRateLimited | ProblemServiceUnavailable | ProblemUnauthorized | ProblemUnsupportedApiVersion | SandboxClock
    """

    return (
        await asyncio_detailed(
            client=client,
            keyport_version=keyport_version,
        )
    ).parsed
