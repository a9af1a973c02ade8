from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_metadata import OAuthMetadata
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/oauth-authorization-server",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable | None:
    if response.status_code == 200:
        response_200 = OAuthMetadata.from_dict(response.json())

        return response_200

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
) -> Response[OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable]:
    """OAuth authorization server metadata

     RFC 8414: the issuer, the token, revocation and key-set endpoints, the grants and client
    authentication methods. Endpoints are under `KEYPORT_ISSUER` when it is a URL (set it to
    the public `https://` address for conforming metadata), else under the address the
    request was sent to. Cacheable for an hour.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable | None:
    """OAuth authorization server metadata

     RFC 8414: the issuer, the token, revocation and key-set endpoints, the grants and client
    authentication methods. Endpoints are under `KEYPORT_ISSUER` when it is a URL (set it to
    the public `https://` address for conforming metadata), else under the address the
    request was sent to. Cacheable for an hour.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable]:
    """OAuth authorization server metadata

     RFC 8414: the issuer, the token, revocation and key-set endpoints, the grants and client
    authentication methods. Endpoints are under `KEYPORT_ISSUER` when it is a URL (set it to
    the public `https://` address for conforming metadata), else under the address the
    request was sent to. Cacheable for an hour.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable | None:
    """OAuth authorization server metadata

     RFC 8414: the issuer, the token, revocation and key-set endpoints, the grants and client
    authentication methods. Endpoints are under `KEYPORT_ISSUER` when it is a URL (set it to
    the public `https://` address for conforming metadata), else under the address the
    request was sent to. Cacheable for an hour.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthMetadata | ProblemRateLimited | ProblemServiceUnavailable
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
