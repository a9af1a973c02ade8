from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.documented_api_version import DocumentedApiVersion
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.problem_unsupported_api_version import ProblemUnsupportedApiVersion
from ...models.version_view import VersionView
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
        "url": "/v1/versions",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = VersionView.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = ProblemUnsupportedApiVersion.from_dict(response.json())

        return response_400

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
) -> Response[ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]]:
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
) -> Response[ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]]:
    """List the API versions

     Every version this service speaks, newest first: when it was released, when an older
    one ends (`sunset`) and what changed in it. Name one in `Keyport-Version` on a request,
    or pin an API client to one (`PATCH …/api-clients/{client_id}`); without either a
    request speaks the current version, the one this document describes. No token needed.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]]
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
) -> ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView] | None:
    """List the API versions

     Every version this service speaks, newest first: when it was released, when an older
    one ends (`sunset`) and what changed in it. Name one in `Keyport-Version` on a request,
    or pin an API client to one (`PATCH …/api-clients/{client_id}`); without either a
    request speaks the current version, the one this document describes. No token needed.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]
    """

    return sync_detailed(
        client=client,
        keyport_version=keyport_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    keyport_version: DocumentedApiVersion | Unset = UNSET,
) -> Response[ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]]:
    """List the API versions

     Every version this service speaks, newest first: when it was released, when an older
    one ends (`sunset`) and what changed in it. Name one in `Keyport-Version` on a request,
    or pin an API client to one (`PATCH …/api-clients/{client_id}`); without either a
    request speaks the current version, the one this document describes. No token needed.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]]
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
) -> ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView] | None:
    """List the API versions

     Every version this service speaks, newest first: when it was released, when an older
    one ends (`sunset`) and what changed in it. Name one in `Keyport-Version` on a request,
    or pin an API client to one (`PATCH …/api-clients/{client_id}`); without either a
    request speaks the current version, the one this document describes. No token needed.

    Args:
        keyport_version (DocumentedApiVersion | Unset): The API version this document describes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemRateLimited | ProblemServiceUnavailable | ProblemUnsupportedApiVersion | list[VersionView]
    """

    return (
        await asyncio_detailed(
            client=client,
            keyport_version=keyport_version,
        )
    ).parsed
