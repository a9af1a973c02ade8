from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.problem_rate_limited import ProblemRateLimited
from ...models.problem_service_unavailable import ProblemServiceUnavailable
from ...models.revoke_request import RevokeRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RevokeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/revoke",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

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
) -> Response[Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeRequest,
) -> Response[Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable]:
    """Revoke a token (sign out)

     RFC 7009. A refresh token ends its whole sign-in: every refresh token rotated from it
    and every access token issued with them. An access token is refused from its next use
    (and a customer's ends its sign-in the same way). The answer is 200 whether or not the
    token was known, so it tells nothing about tokens.

    Args:
        body (RevokeRequest): A revocation request (RFC 7009), as a form or as JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable]
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
    body: RevokeRequest,
) -> Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable | None:
    """Revoke a token (sign out)

     RFC 7009. A refresh token ends its whole sign-in: every refresh token rotated from it
    and every access token issued with them. An access token is refused from its next use
    (and a customer's ends its sign-in the same way). The answer is 200 whether or not the
    token was known, so it tells nothing about tokens.

    Args:
        body (RevokeRequest): A revocation request (RFC 7009), as a form or as JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeRequest,
) -> Response[Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable]:
    """Revoke a token (sign out)

     RFC 7009. A refresh token ends its whole sign-in: every refresh token rotated from it
    and every access token issued with them. An access token is refused from its next use
    (and a customer's ends its sign-in the same way). The answer is 200 whether or not the
    token was known, so it tells nothing about tokens.

    Args:
        body (RevokeRequest): A revocation request (RFC 7009), as a form or as JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RevokeRequest,
) -> Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable | None:
    """Revoke a token (sign out)

     RFC 7009. A refresh token ends its whole sign-in: every refresh token rotated from it
    and every access token issued with them. An access token is refused from its next use
    (and a customer's ends its sign-in the same way). The answer is 200 whether or not the
    token was known, so it tells nothing about tokens.

    Args:
        body (RevokeRequest): A revocation request (RFC 7009), as a form or as JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OAuthError | ProblemRateLimited | ProblemServiceUnavailable
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
