from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.activate_request import ActivateRequest
from ...models.activated_user import ActivatedUser
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ActivateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/activate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActivatedUser | Problem | None:
    if response.status_code == 200:
        response_200 = ActivatedUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ActivatedUser | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ActivateRequest,
) -> Response[ActivatedUser | Problem]:
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivatedUser | Problem]
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
    body: ActivateRequest,
) -> ActivatedUser | Problem | None:
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivatedUser | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ActivateRequest,
) -> Response[ActivatedUser | Problem]:
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivatedUser | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ActivateRequest,
) -> ActivatedUser | Problem | None:
    """Activate a user

     Sets the password of a user created with an activation token; afterwards the user
    signs in with the `password` grant.

    Args:
        body (ActivateRequest):  Example: {'activation_token': 'kpa_...', 'password': 'correct
            horse battery staple'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivatedUser | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
