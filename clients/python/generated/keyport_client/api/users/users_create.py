from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_user import CreateUser
from ...models.problem import Problem
from ...models.user_created import UserCreated
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: CreateUser,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tenants/{id}/users".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserCreated | None:
    if response.status_code == 201:
        response_201 = UserCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Problem | UserCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateUser,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | UserCreated]:
    """Add a user to a tenant

     For the tenant's administrators, and delegated admins with `user_administrator`
    (`global_administrator` for an admin user, `license_administrator` too when a licence
    is assigned with it).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (CreateUser):  Example: {'admin': False, 'email': 'nikos@fabrikam.example',
            'first_name': 'Nikos', 'last_name': 'Georgiou', 'license_subscription_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserCreated]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateUser,
    idempotency_key: str | Unset = UNSET,
) -> Problem | UserCreated | None:
    """Add a user to a tenant

     For the tenant's administrators, and delegated admins with `user_administrator`
    (`global_administrator` for an admin user, `license_administrator` too when a licence
    is assigned with it).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (CreateUser):  Example: {'admin': False, 'email': 'nikos@fabrikam.example',
            'first_name': 'Nikos', 'last_name': 'Georgiou', 'license_subscription_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserCreated
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateUser,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | UserCreated]:
    """Add a user to a tenant

     For the tenant's administrators, and delegated admins with `user_administrator`
    (`global_administrator` for an admin user, `license_administrator` too when a licence
    is assigned with it).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (CreateUser):  Example: {'admin': False, 'email': 'nikos@fabrikam.example',
            'first_name': 'Nikos', 'last_name': 'Georgiou', 'license_subscription_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserCreated]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: CreateUser,
    idempotency_key: str | Unset = UNSET,
) -> Problem | UserCreated | None:
    """Add a user to a tenant

     For the tenant's administrators, and delegated admins with `user_administrator`
    (`global_administrator` for an admin user, `license_administrator` too when a licence
    is assigned with it).

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (CreateUser):  Example: {'admin': False, 'email': 'nikos@fabrikam.example',
            'first_name': 'Nikos', 'last_name': 'Georgiou', 'license_subscription_id':
            '0193a7c2-5b8e-7d41-9f3a-2c1e4b6d8f01'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserCreated
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
