from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

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
) -> Response[OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse]:
    """Issue an access token

     `client_credentials` for operator and partner API clients, `password` for customer
    users (`username` = e-mail), `refresh_token` to rotate a customer's refresh token (each
    is single-use; presenting a spent one revokes every token of its sign-in).

    Args:
        body (TokenRequest): A token request (RFC 6749), as a form or as JSON. Client credentials
            may also come in
            an HTTP Basic `Authorization` header.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse | None:
    """Issue an access token

     `client_credentials` for operator and partner API clients, `password` for customer
    users (`username` = e-mail), `refresh_token` to rotate a customer's refresh token (each
    is single-use; presenting a spent one revokes every token of its sign-in).

    Args:
        body (TokenRequest): A token request (RFC 6749), as a form or as JSON. Client credentials
            may also come in
            an HTTP Basic `Authorization` header.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> Response[OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse]:
    """Issue an access token

     `client_credentials` for operator and partner API clients, `password` for customer
    users (`username` = e-mail), `refresh_token` to rotate a customer's refresh token (each
    is single-use; presenting a spent one revokes every token of its sign-in).

    Args:
        body (TokenRequest): A token request (RFC 6749), as a form or as JSON. Client credentials
            may also come in
            an HTTP Basic `Authorization` header.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TokenRequest,
) -> OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse | None:
    """Issue an access token

     `client_credentials` for operator and partner API clients, `password` for customer
    users (`username` = e-mail), `refresh_token` to rotate a customer's refresh token (each
    is single-use; presenting a spent one revokes every token of its sign-in).

    Args:
        body (TokenRequest): A token request (RFC 6749), as a form or as JSON. Client credentials
            may also come in
            an HTTP Basic `Authorization` header.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | ProblemRateLimited | ProblemServiceUnavailable | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
